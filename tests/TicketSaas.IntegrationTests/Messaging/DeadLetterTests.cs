using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Infrastructure.Messaging;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Identity.Features.GetAuditLog;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Messaging;

/// <summary>A consumer that keeps failing ends as a dead letter; once fixed, a retry delivers it exactly once.</summary>
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
        var dead = await (await platform.GetAsync("/api/v1/admin/dead-letters")).ReadAsync<DeadLetter[]>(HttpStatusCode.OK);

        var letter = Assert.Single(dead);
        Assert.Equal(("transcripts", AuditConsumer, "platform.audit-recorded.v1", 2), (letter.Module, letter.Consumer, letter.EventName, letter.Attempts));
        Assert.NotNull(letter.LastError);
        Assert.Empty(await AuditLogAsync(admin, guild));

        api.Services.GetRequiredService<FailPoints>().Clear();
        var retry = await platform.PostAsync($"/api/v1/admin/dead-letters/{letter.Module}/{letter.DeliveryId}/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        await api.SettleAsync();

        var entry = Assert.Single(await AuditLogAsync(admin, guild));
        Assert.Equal("UpdateViewerSettingsCommand", entry.Command);
        Assert.Empty(await (await platform.GetAsync("/api/v1/admin/dead-letters")).ReadAsync<DeadLetter[]>(HttpStatusCode.OK));
        var unknown = await platform.PostAsync($"/api/v1/admin/dead-letters/{letter.Module}/{letter.DeliveryId}/retry", null);
        await unknown.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    internal static Dictionary<string, string> FaultySettings() => new()
    {
        ["FailPoints:Throw"] = $"{FailPoints.InsideConsumer}:{AuditConsumer}",
        ["Outbox:MaxAttempts"] = "2",
        ["Outbox:RetryDelay"] = "00:00:00.100",
        ["Outbox:ConsumerTimeout"] = "00:00:01",
        ["Outbox:PollInterval"] = "00:00:00.100",
    };

    private static async Task<AuditLogEntryDto[]> AuditLogAsync(HttpClient client, ulong guild) =>
        await (await client.GetAsync($"/api/v1/guilds/{guild}/audit-log")).ReadAsync<AuditLogEntryDto[]>(HttpStatusCode.OK);
}

public sealed class DeadLettersOnSqlite() : DeadLetterTests(DatabaseKind.Sqlite);

public sealed class DeadLettersOnMariaDb() : DeadLetterTests(DatabaseKind.MariaDb);
