using System.Globalization;
using System.Net;
using System.Text.Json;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Identity.Features.GetAuditLog;

namespace TicketSaas.IntegrationTests.Identity;

/// <summary>The audit log read model: search by guild, actor and time range, keyset pages, values before and after.</summary>
public abstract class AuditLogSearchTests(ApiFixture fixture)
{
    [SkippableFact]
    public async Task The_audit_log_is_searched_by_guild_actor_and_time_in_keyset_pages_with_values_before_and_after()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        var otherGuild = GuildIds.Next();
        var alice = TestCaller.AdminOf(guild, userId: 600_000_000_000_000_001);
        var bob = TestCaller.AdminOf(guild, userId: 600_000_000_000_000_002);
        await SetLanguageAsync(api, alice, guild, "de");
        await SetLanguageAsync(api, bob, guild, "en");
        await SetLanguageAsync(api, alice, guild, "de");
        await SetLanguageAsync(api, TestCaller.AdminOf(otherGuild, userId: alice.UserId!.Value), otherGuild, "de");
        await api.SettleAsync();
        using var admin = api.ClientFor(alice);
        var log = $"/api/v1/guilds/{guild}/audit-log";

        var all = await SearchAsync(admin, log);
        var bobs = await SearchAsync(admin, $"{log}?actor={bob.UserId}");
        var between = await SearchAsync(admin, $"{log}?from={Time(all[1].OccurredAt)}&to={Time(all[0].OccurredAt)}");
        var firstPage = await SearchAsync(admin, $"{log}?limit=2");
        var secondPage = await SearchAsync(admin, $"{log}?limit=2&before={firstPage[^1].Id}");

        Assert.Equal([alice.UserId, bob.UserId, alice.UserId], all.Select(e => e.ActorUserId));
        Assert.All(all, e => Assert.Equal((guild, "tickets", "UpdateGuildSettingsCommand"), (e.GuildId!.Value, e.Module, e.Command)));
        var change = Assert.Single(bobs).Changes.EnumerateArray().Single(c => c.GetProperty("After").TryGetProperty("Language", out _));
        Assert.Equal(("de", "en"), (change.GetProperty("Before").GetProperty("Language").GetString(), change.GetProperty("After").GetProperty("Language").GetString()));
        Assert.Equal(all[1].Id, Assert.Single(between).Id);
        Assert.Equal(all.Select(e => e.Id), firstPage.Concat(secondPage).Select(e => e.Id));
    }

    [SkippableFact]
    public async Task Platform_admins_search_across_guilds_and_others_are_refused()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        var actor = TestCaller.AdminOf(guild, userId: 600_000_000_000_000_003);
        await SetLanguageAsync(api, actor, guild, "de");
        await api.SettleAsync();
        using var platform = api.ClientFor(TestCaller.PlatformAdministrator);
        using var guildAdmin = api.ClientFor(actor);
        using var adminOfAnother = api.ClientFor(TestCaller.AdminOf(GuildIds.Next()));

        var found = await SearchAsync(platform, $"/api/v1/admin/audit-log?guildId={guild}&actor={actor.UserId}");

        Assert.Equal(guild, Assert.Single(found).GuildId);
        await (await guildAdmin.GetAsync($"/api/v1/admin/audit-log?guildId={guild}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await adminOfAnother.GetAsync($"/api/v1/guilds/{guild}/audit-log")).ReadProblemAsync(HttpStatusCode.Forbidden);
        var backwards = await (await guildAdmin.GetAsync($"/api/v1/guilds/{guild}/audit-log?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(backwards.GetProperty("errors").TryGetProperty("To", out _), backwards.ToString());
        await (await guildAdmin.GetAsync($"/api/v1/guilds/{guild}/audit-log?limit=500")).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    private static async Task SetLanguageAsync(ApiHost api, TestCaller caller, ulong guild, string language)
    {
        using var client = api.ClientFor(caller);
        await client.PutJsonAsync($"/api/v1/guilds/{guild}/settings", new { language, devMode = false, developerUserIds = Array.Empty<string>() });
    }

    private static async Task<AuditLogEntryDto[]> SearchAsync(HttpClient client, string url) =>
        await (await client.GetAsync(url)).ReadAsync<AuditLogEntryDto[]>(HttpStatusCode.OK);

    private static string Time(DateTimeOffset time) => Uri.EscapeDataString(time.ToString("O", CultureInfo.InvariantCulture));
}

public sealed class AuditLogSearchOnSqlite(SqliteApi fixture) : AuditLogSearchTests(fixture), IClassFixture<SqliteApi>;

public sealed class AuditLogSearchOnMariaDb(MariaDbApi fixture) : AuditLogSearchTests(fixture), IClassFixture<MariaDbApi>;
