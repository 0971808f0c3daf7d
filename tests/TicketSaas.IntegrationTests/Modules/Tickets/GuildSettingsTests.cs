using System.Net;
using System.Net.Http.Json;
using System.Text;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Tickets.Features.GetGuildSettings;
using static TicketSaas.IntegrationTests.Modules.Tickets.CategoryConfigurationTests;

namespace TicketSaas.IntegrationTests.Modules.Tickets;

/// <summary>Guild-wide ticket settings: the bot's language and dev mode with its developers.</summary>
public abstract class GuildSettingsTests(ApiFixture fixture)
{
    private static string SettingsOf(ulong guildId) => $"/api/v1/guilds/{guildId}/settings";

    [SkippableFact]
    public async Task Settings_default_to_english_without_dev_mode_and_changes_are_saved_audited_and_announced()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));
        using var staff = api.ClientFor(TestCaller.StaffOf(guild, roleId: 555_000_000_000_000_001));

        var initial = await (await staff.GetAsync(SettingsOf(guild))).ReadAsync<GuildSettingsDto>(HttpStatusCode.OK);
        var updated = await (await client.PutAsJsonAsync(SettingsOf(guild), new
        {
            language = "de", devMode = true, developerUserIds = new[] { "700000000000000001", "700000000000000002" },
        })).ReadAsync<GuildSettingsDto>(HttpStatusCode.OK);
        var read = await (await staff.GetAsync(SettingsOf(guild))).ReadAsync<GuildSettingsDto>(HttpStatusCode.OK);
        var json = await staff.GetStringAsync(SettingsOf(guild));

        Assert.Equal((guild, "en", false), (initial.GuildId, initial.Language, initial.DevMode));
        Assert.Empty(initial.DeveloperUserIds);
        foreach (var settings in new[] { updated, read })
        {
            Assert.Equal(("de", true), (settings.Language, settings.DevMode));
            Assert.Equal([700_000_000_000_000_001UL, 700_000_000_000_000_002UL], settings.DeveloperUserIds);
        }

        Assert.Contains("\"developerUserIds\":[\"700000000000000001\",\"700000000000000002\"]", json, StringComparison.Ordinal);
        Assert.Equal(1, await ConfigurationEventsAsync(api, guild));
        await api.SettleAsync();
        Assert.Equal(1, await api.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM identity_audit_log_entry WHERE guild_id = {guild} AND command = 'UpdateGuildSettingsCommand'"));
    }

    [SkippableFact]
    public async Task Invalid_settings_list_every_failed_field_and_write_nothing()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));

        var invalid = await client.PutAsJsonAsync(SettingsOf(guild), new
        {
            language = "fr", developerUserIds = Enumerable.Range(1, 26).Select(i => $"{i}").Append("0").ToArray(),
        });
        var empty = await client.PutAsJsonAsync(SettingsOf(guild), new { });
        var broken = await client.PutAsync(SettingsOf(guild), new StringContent("{\"devMode\": \"yes\"}", Encoding.UTF8, "application/json"));

        var errors = (await invalid.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["DevMode", "DeveloperUserIds", "Language"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, errors.GetProperty("DeveloperUserIds").GetArrayLength());
        Assert.Equal(["DevMode", "DeveloperUserIds", "Language"],
            (await empty.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("malformed-request", (await broken.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        Assert.Equal(0, await api.Database.ScalarAsync($"SELECT COUNT(*) FROM tickets_ticket_guild WHERE guild_id = {guild}"));
    }

    [SkippableFact]
    public async Task Another_guilds_admin_gets_403()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var stranger = api.ClientFor(TestCaller.AdminOf(GuildIds.Next(), userId: 800_000_000_000_000_099));
        using var staff = api.ClientFor(TestCaller.StaffOf(guild, roleId: 555_000_000_000_000_001));
        var body = new { language = "de", devMode = true, developerUserIds = new[] { "700000000000000001" } };

        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(SettingsOf(guild))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PutAsJsonAsync(SettingsOf(guild), body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync(SettingsOf(guild), body)).StatusCode);
        Assert.Equal(0, await api.Database.ScalarAsync($"SELECT COUNT(*) FROM tickets_ticket_guild WHERE guild_id = {guild}"));
    }
}

public sealed class GuildSettingsOnSqlite(SqliteApi fixture) : GuildSettingsTests(fixture), IClassFixture<SqliteApi>;

public sealed class GuildSettingsOnMariaDb(MariaDbApi fixture) : GuildSettingsTests(fixture), IClassFixture<MariaDbApi>;
