using MediatR;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Application.Auditing;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Identity.Features.RecordAuditEntry;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Messaging;

public abstract class InboxTests(ApiFixture fixture)
{
    [SkippableFact]
    public async Task Delivering_the_same_event_twice_and_concurrently_has_one_effect()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        var recorded = new AuditRecordedIntegrationEvent(Guid.CreateVersion7(), DateTimeOffset.UtcNow, "tickets", "CreateCategoryCommand", 1, guild, "[]");

        await SendAsync(api, recorded);
        await SendAsync(api, recorded);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SendAsync(api, recorded)));

        Assert.Equal(1, await api.Database.ScalarAsync($"SELECT COUNT(*) FROM identity_audit_log_entry WHERE guild_id = {guild}"));
        Assert.Equal(1, await api.Database.ScalarAsync($"SELECT COUNT(*) FROM identity_inbox_message WHERE LOWER(message_id) = '{recorded.Id}'"));
    }

    private static async Task SendAsync(ApiHost api, AuditRecordedIntegrationEvent recorded)
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RecordAuditEntryCommand(recorded));
    }
}

public sealed class InboxOnSqlite(SqliteApi fixture) : InboxTests(fixture), IClassFixture<SqliteApi>;

public sealed class InboxOnMariaDb(MariaDbApi fixture) : InboxTests(fixture), IClassFixture<MariaDbApi>;
