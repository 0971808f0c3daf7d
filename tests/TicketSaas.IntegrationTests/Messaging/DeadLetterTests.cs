using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Infrastructure.Messaging;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Identity.Features.GetAuditLog;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Messaging;

/// <summary>
/// A consumer that keeps failing ends as a dead letter; once fixed, a retry delivers it exactly once. Platform admins
/// page through dead letters, retry them all at once, and watch the backlog of deliveries still to make.
/// </summary>
public abstract class DeadLetterTests(DatabaseKind kind)
{
    private const string AuditConsumer = "auditrecordedintegrationeventhandler";

    [SkippableFact]
    public async Task A_consumer_that_always_throws_ends_dead_after_N_attempts_and_a_retry_after_the_fix_delivers_once()
    {
        await using var api = await ApiHost.StartAsync(kind, FaultySettings());
        var guild = GuildIds.Next();
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));
        using var platform = api.ClientFor(TestCaller.PlatformAdministrator);

        (await admin.PutAsJsonAsync($"/api/v1/guilds/{guild}/transcripts/settings", new { publicLinksEnabled = false })).EnsureSuccessStatusCode();
        await api.SettleAsync();
        var dead = await DeadLettersAsync(platform);

        var letter = Assert.Single(dead.Items);
        Assert.Equal(("transcripts", AuditConsumer, "platform.audit-recorded.v1", 2), (letter.Module, letter.Consumer, letter.EventName, letter.Attempts));
        Assert.NotNull(letter.LastError);
        Assert.Empty(await AuditLogAsync(admin, guild));

        api.Services.GetRequiredService<FailPoints>().Clear();
        var retry = await platform.PostAsync($"/api/v1/admin/dead-letters/{letter.Module}/{letter.DeliveryId}/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        await api.SettleAsync();

        var entry = Assert.Single(await AuditLogAsync(admin, guild));
        Assert.Equal("UpdateViewerSettingsCommand", entry.Command);
        Assert.Equal(0, (await DeadLettersAsync(platform)).Total);
        var unknown = await platform.PostAsync($"/api/v1/admin/dead-letters/{letter.Module}/{letter.DeliveryId}/retry", null);
        await unknown.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task Dead_letters_come_in_pages_and_one_call_retries_them_all()
    {
        await using var api = await ApiHost.StartAsync(kind, FaultySettings());
        using var platform = api.ClientFor(TestCaller.PlatformAdministrator);
        var guilds = new[] { GuildIds.Next(), GuildIds.Next(), GuildIds.Next() };
        foreach (var guild in guilds)
        {
            using var admin = api.ClientFor(TestCaller.AdminOf(guild));
            await admin.PutJsonAsync($"/api/v1/guilds/{guild}/transcripts/settings", new { publicLinksEnabled = false });
        }

        await api.SettleAsync();
        var first = await DeadLettersAsync(platform, "?page=1&pageSize=2");
        var second = await DeadLettersAsync(platform, "?page=2&pageSize=2");
        var beyond = await DeadLettersAsync(platform, "?page=3&pageSize=2");

        Assert.Equal((3, 3, 3), (first.Total, second.Total, beyond.Total));
        Assert.Equal((2, 1, 0), (first.Items.Count, second.Items.Count, beyond.Items.Count));
        Assert.Equal(3, first.Items.Concat(second.Items).Select(l => l.DeliveryId).Distinct().Count());
        Assert.Equal(3, (await (await platform.GetAsync("/api/v1/admin/outbox")).ReadAsync<OutboxBacklog>(HttpStatusCode.OK)).Dead);
        foreach (var invalid in new[] { "?page=0", "?pageSize=0", $"?pageSize={DeadLetters.MaxPageSize + 1}", "?page=first" })
        {
            await (await platform.GetAsync($"/api/v1/admin/dead-letters{invalid}")).ReadProblemAsync(HttpStatusCode.BadRequest);
        }

        api.Services.GetRequiredService<FailPoints>().Clear();
        var retried = await (await platform.PostAsync("/api/v1/admin/dead-letters/retry", null)).ReadAsync<RetriedDeadLetters>(HttpStatusCode.Accepted);
        await api.SettleAsync();

        Assert.Equal(3, retried.Retried);
        Assert.Equal(0, (await DeadLettersAsync(platform)).Total);
        foreach (var guild in guilds)
        {
            using var admin = api.ClientFor(TestCaller.AdminOf(guild));
            Assert.Single(await AuditLogAsync(admin, guild));
        }
    }

    [SkippableFact]
    public async Task The_outbox_backlog_counts_what_waits_per_module_and_event_type_and_how_old_the_oldest_is()
    {
        await using var api = await ApiHost.StartAsync(kind, new Dictionary<string, string> { ["Outbox:RelayEnabled"] = "false" });
        using var platform = api.ClientFor(TestCaller.PlatformAdministrator);
        var guild = GuildIds.Next();
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));
        var empty = await (await platform.GetAsync("/api/v1/admin/outbox")).ReadAsync<OutboxBacklog>(HttpStatusCode.OK);

        await admin.PutJsonAsync($"/api/v1/guilds/{guild}/transcripts/settings", new { publicLinksEnabled = false });
        await admin.PostJsonAsync($"/api/v1/guilds/{guild}/categories", new { name = "Support", namingScheme = "s-{number}" });
        await admin.PostJsonAsync($"/api/v1/guilds/{guild}/categories", new { name = "Sales", namingScheme = "b-{number}" });
        await Task.Delay(TimeSpan.FromSeconds(1));
        var backlog = await (await platform.GetAsync("/api/v1/admin/outbox")).ReadAsync<OutboxBacklog>(HttpStatusCode.OK);

        Assert.Equal((0, (double?)null), (empty.Pending, empty.OldestAgeSeconds));
        var expected = new List<(string, string, int)>();
        foreach (var module in new[] { "billing", "domains", "identity", "tickets", "transcripts" })
        {
            var waiting = await api.Database.ColumnAsync($"""
                SELECT m.name FROM {module}_outbox_delivery d JOIN {module}_outbox_message m ON m.id = d.message_id
                WHERE d.delivered_at IS NULL AND d.dead_at IS NULL
                """);
            expected.AddRange(waiting.CountBy(name => name).Select(c => (module, c.Key, c.Value)));
        }

        Assert.Contains(("transcripts", "platform.audit-recorded.v1", 1), expected);
        Assert.Contains(("tickets", "platform.audit-recorded.v1", 2), expected);
        Assert.Equal(expected.Order(), backlog.ByEventType.Select(e => (e.Module, e.EventName, e.Pending)).Order());
        Assert.Equal(expected.Sum(e => e.Item3), backlog.Pending);
        Assert.InRange(backlog.OldestAgeSeconds!.Value, 1, 60);
        Assert.Equal(0, backlog.Dead);
    }

    internal static Dictionary<string, string> FaultySettings() => new()
    {
        ["FailPoints:Throw"] = $"{FailPoints.InsideConsumer}:{AuditConsumer}",
        ["Outbox:MaxAttempts"] = "2",
        ["Outbox:RetryDelay"] = "00:00:00.100",
        ["Outbox:ConsumerTimeout"] = "00:00:01",
        ["Outbox:PollInterval"] = "00:00:00.100",
    };

    private static async Task<DeadLetterPage> DeadLettersAsync(HttpClient platform, string query = "") =>
        await (await platform.GetAsync($"/api/v1/admin/dead-letters{query}")).ReadAsync<DeadLetterPage>(HttpStatusCode.OK);

    private static async Task<AuditLogEntryDto[]> AuditLogAsync(HttpClient client, ulong guild) =>
        await (await client.GetAsync($"/api/v1/guilds/{guild}/audit-log")).ReadAsync<AuditLogEntryDto[]>(HttpStatusCode.OK);
}

public sealed class DeadLettersOnSqlite() : DeadLetterTests(DatabaseKind.Sqlite);

public sealed class DeadLettersOnMariaDb() : DeadLetterTests(DatabaseKind.MariaDb);
