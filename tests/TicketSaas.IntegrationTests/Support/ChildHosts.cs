extern alias bot;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Support;

/// <summary>The built hosts, started as child processes against a test database.</summary>
public static class ChildHosts
{
    public static Task<ChildHost> ApiAsync(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null) =>
        ChildHost.StartAsync(typeof(Program).Assembly.Location, database, settings);

    public static Task<ChildHost> BotAsync(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null) =>
        ChildHost.StartAsync(typeof(bot::Program).Assembly.Location, database, settings);

    /// <summary>Deliveries of every outbox not yet delivered nor dead, read straight from the database.</summary>
    public static async Task<long> PendingDeliveriesAsync(TestDatabase database)
    {
        long pending = 0;
        foreach (var module in new[] { "identity", "tickets", "transcripts", "billing", "domains" })
        {
            pending += await database.ScalarAsync(
                $"SELECT COUNT(*) FROM {module}_outbox_delivery WHERE delivered_at IS NULL AND dead_at IS NULL");
        }

        return pending;
    }

    public static async Task UntilSettledAsync(TestDatabase database, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await PendingDeliveriesAsync(database) is var pending and > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{pending} deliveries still pending after {timeout}.");
            }

            await Task.Delay(100);
        }
    }
}
