namespace TicketSaas.IntegrationTests.Support;

/// <summary>Polls for what another process does in its own time; the generous limit only matters when a test is about to fail.</summary>
public static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static Task<T> WaitAsync<T>(Func<Task<T?>> probe, string what)
        where T : class => WaitAsync(probe, () => what);

    /// <param name="what">Says what was awaited, with whatever helps explain why it did not come.</param>
    public static async Task<T> WaitAsync<T>(Func<Task<T?>> probe, Func<string> what)
        where T : class
    {
        var deadline = DateTime.UtcNow + Limit;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Limit.TotalSeconds} s for {what()}.");
            }

            await Task.Delay(25);
        }
    }

    public static Task<T> WaitAsync<T>(Func<T?> probe, string what)
        where T : class => WaitAsync(() => Task.FromResult(probe()), () => what);

    public static Task<T> WaitAsync<T>(Func<T?> probe, Func<string> what)
        where T : class => WaitAsync(() => Task.FromResult(probe()), what);
}
