using System.Net.Http.Json;
using TicketSaas.BuildingBlocks.Infrastructure.Messaging;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Testing;
using Xunit.Abstractions;

namespace TicketSaas.IntegrationTests.Messaging;

/// <summary>
/// The API host as a real process, killed with SIGKILL at each named point of the delivery path, again and again while
/// commands keep raising events. After a clean restart every event has reached its consumer, and the consumer's effect
/// (an insert with no unique key) exists exactly once per event.
/// </summary>
public abstract class CrashTests(DatabaseKind kind, ITestOutputHelper output)
{
    private const int Kills = 10;
    private const int SigKillExitCode = 137;

    public static TheoryData<string> Points() =>
        [FailPoints.AfterOutboxCommit, FailPoints.AfterHandoff, FailPoints.InsideConsumer, FailPoints.AfterConsumerCommit];

    [SkippableTheory]
    [MemberData(nameof(Points))]
    public async Task Every_event_reaches_its_consumer_exactly_once_whatever_point_the_process_dies_at(string point)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var guild = GuildIds.Next();
        var kills = 0;
        for (var run = 0; run < Kills; run++)
        {
            await using var host = await ChildHosts.ApiAsync(database, CrashSettings(point));
            using var client = host.ClientFor(TestCaller.AdminOf(guild));
            try
            {
                await client.PutAsJsonAsync($"/api/v1/guilds/{guild}/transcripts/settings", new { publicLinksEnabled = run % 2 == 0 });
            }
            catch (HttpRequestException)
            {
                // The process died before answering: after-outbox-commit kills inside the request.
            }

            await host.WaitForExitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(SigKillExitCode, host.ExitCode);
            kills++;
        }

        await using (var clean = await ChildHosts.ApiAsync(database, CrashSettings(point: null)))
        {
            await ChildHosts.UntilSettledAsync(database, TimeSpan.FromSeconds(60));
        }

        var events = await database.ScalarAsync("SELECT COUNT(*) FROM transcripts_outbox_message");
        var effects = await database.ScalarAsync($"SELECT COUNT(*) FROM identity_audit_log_entry WHERE guild_id = {guild}");
        var distinctEffects = await database.ScalarAsync($"SELECT COUNT(DISTINCT event_id) FROM identity_audit_log_entry WHERE guild_id = {guild}");
        var dead = await database.ScalarAsync("SELECT COUNT(*) FROM transcripts_outbox_delivery WHERE dead_at IS NOT NULL");
        output.WriteLine($"{kind} {point}: {kills} kills, {events} events, {effects} effects, {dead} dead");

        Assert.Equal(Kills, kills);
        Assert.True(events >= 1, "No command committed an event.");
        Assert.Equal(events, distinctEffects);
        Assert.Equal(events, effects);
        Assert.Equal(0, dead);
    }

    /// <summary>Short leases, so a delivery held by a killed process is claimed again within seconds.</summary>
    private static Dictionary<string, string> CrashSettings(string? point)
    {
        var settings = new Dictionary<string, string>
        {
            ["Outbox:LeaseDuration"] = "00:00:02",
            ["Outbox:ConsumerTimeout"] = "00:00:01.500",
            ["Outbox:RetryDelay"] = "00:00:00.100",
            ["Outbox:MaxAttempts"] = "50",
        };
        if (point is not null)
        {
            settings["FailPoints:Kill"] = point;
        }

        return settings;
    }
}

public sealed class CrashesOnSqlite(ITestOutputHelper output) : CrashTests(DatabaseKind.Sqlite, output);

public sealed class CrashesOnMariaDb(ITestOutputHelper output) : CrashTests(DatabaseKind.MariaDb, output);
