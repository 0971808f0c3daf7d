namespace TicketSaas.Discord.GatewayTests;

/// <summary>Polls for a condition; the generous limit only matters when a test is about to fail.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    public static Task WaitAsync(Func<bool> condition, string what) =>
        WaitAsync(() => condition() ? new object() : null, what);

    public static async Task<T> WaitAsync<T>(Func<T?> probe, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + Limit;
        while (true)
        {
            if (probe() is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Limit.TotalSeconds} s for {what}.");
            }

            await Task.Delay(10);
        }
    }
}
