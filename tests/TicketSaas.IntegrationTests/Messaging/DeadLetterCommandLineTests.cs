using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Infrastructure.Messaging;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Messaging;

/// <summary>The operator's command line sees and retries the dead letters of a running installation.</summary>
public sealed class DeadLetterCommandLineTests
{
    [Fact]
    public async Task The_cli_lists_a_dead_letter_and_retries_it_after_the_fix()
    {
        await using var api = await ApiHost.StartAsync(DatabaseKind.Sqlite, DeadLetterTests.FaultySettings());
        var guild = GuildIds.Next();
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));
        (await admin.PutAsJsonAsync($"/api/v1/guilds/{guild}/transcripts/settings", new { publicLinksEnabled = false })).EnsureSuccessStatusCode();
        await api.SettleAsync();
        var letter = Assert.Single(await api.Services.GetRequiredService<DeadLetters>().ListAsync(CancellationToken.None));
        var entry = typeof(Program).Assembly.Location;

        var list = await ChildHost.RunCommandAsync(entry, api.Database, "dead-letters", "list");
        var unknown = await ChildHost.RunCommandAsync(entry, api.Database, "dead-letters", "retry", "transcripts", "987654");
        var usage = await ChildHost.RunCommandAsync(entry, api.Database, "dead-letters", "resend");
        api.Services.GetRequiredService<FailPoints>().Clear();
        var retry = await ChildHost.RunCommandAsync(entry, api.Database, "dead-letters", "retry", "transcripts", letter.DeliveryId.ToString());
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        await api.SettleAsync();

        Assert.Equal(0, list.ExitCode);
        Assert.Contains($"transcripts {letter.DeliveryId} platform.audit-recorded.v1 {letter.EventId} -> auditrecordedintegrationeventhandler", list.Output, StringComparison.Ordinal);
        Assert.Contains("1 dead letter(s)", list.Output, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("was not found", unknown.Output, StringComparison.Ordinal);
        Assert.Equal(2, usage.ExitCode);
        Assert.Equal(0, retry.ExitCode);
        Assert.Equal(1, await api.Database.ScalarAsync($"SELECT COUNT(*) FROM identity_audit_log_entry WHERE guild_id = {guild}"));
        Assert.Empty(await api.Services.GetRequiredService<DeadLetters>().ListAsync(CancellationToken.None));
    }
}
