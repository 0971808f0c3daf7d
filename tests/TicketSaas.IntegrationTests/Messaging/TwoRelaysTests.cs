using System.Diagnostics;
using System.Net.Http.Json;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Testing;
using Xunit.Abstractions;

namespace TicketSaas.IntegrationTests.Messaging;

/// <summary>The API host and the bot host relaying the same MariaDB outboxes at once.</summary>
public sealed class TwoRelaysTests(ITestOutputHelper output)
{
    private const int Commands = 200;

    [SkippableFact]
    public async Task Two_relays_in_two_processes_apply_each_effect_exactly_once_without_deadlocks()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.MariaDb);
        await using var api = await ChildHosts.ApiAsync(database);
        await using var bot = await ChildHosts.BotAsync(database);
        var guilds = Enumerable.Range(0, Commands).Select(_ => GuildIds.Next()).ToList();
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(guilds, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (guild, ct) =>
        {
            using var client = api.ClientFor(TestCaller.AdminOf(guild));
            (await client.PutAsJsonAsync($"/api/v1/guilds/{guild}/transcripts/settings", new { publicLinksEnabled = false }, ct))
                .EnsureSuccessStatusCode();
        });
        await ChildHosts.UntilSettledAsync(database, TimeSpan.FromSeconds(60));
        clock.Stop();

        var effects = await database.ScalarAsync("SELECT COUNT(*) FROM identity_audit_log_entry");
        var distinct = await database.ScalarAsync("SELECT COUNT(DISTINCT event_id) FROM identity_audit_log_entry");
        var duplicates = effects - distinct;
        output.WriteLine($"{Commands} events relayed by two processes in {clock.Elapsed.TotalSeconds:F1} s; duplicates: {duplicates}");

        Assert.Equal(Commands, distinct);
        Assert.Equal(0, duplicates);
        Assert.Equal(Commands, await database.ScalarAsync("SELECT COUNT(*) FROM transcripts_outbox_delivery WHERE delivered_at IS NOT NULL"));
        Assert.DoesNotContain(api.Output.Concat(bot.Output), line => line.Contains("Deadlock", StringComparison.OrdinalIgnoreCase));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"Took {clock.Elapsed}.");
    }
}
