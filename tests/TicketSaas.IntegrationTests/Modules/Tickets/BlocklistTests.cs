using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Tickets.Domain.Blocklist;
using TicketSaas.Modules.Tickets.Features.GetBlocklist;
using static TicketSaas.IntegrationTests.Modules.Tickets.CategoryConfigurationTests;

namespace TicketSaas.IntegrationTests.Modules.Tickets;

/// <summary>Blocked users and roles: added, listed while active (expired ones kept as history), removed.</summary>
public abstract class BlocklistTests(ApiFixture fixture)
{
    private static string BlocklistOf(ulong guildId) => $"/api/v1/guilds/{guildId}/blocklist";

    [SkippableFact]
    public async Task Entries_are_added_listed_and_removed_and_expired_ones_leave_the_active_list_but_stay()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        var admin = TestCaller.AdminOf(guild, userId: 812_345_678_901_234_567);
        using var client = api.ClientFor(admin);
        using var staff = api.ClientFor(TestCaller.StaffOf(guild, roleId: 555_000_000_000_000_001));
        using var bystander = api.ClientFor(TestCaller.StaffOf(guild, roleId: 555_000_000_000_000_002));
        await MakeStaffAsync(client, guild, 555_000_000_000_000_001);
        var soon = DateTimeOffset.UtcNow.AddSeconds(2);

        var user = await (await client.PostAsJsonAsync(BlocklistOf(guild), new { target = "user", targetId = "600000000000000001", reason = "  Spam  " }))
            .ReadAsync<BlocklistEntryDto>(HttpStatusCode.Created);
        var role = await (await client.PostAsJsonAsync(BlocklistOf(guild), new { target = "role", targetId = "600000000000000002", expiresAt = soon }))
            .ReadAsync<BlocklistEntryDto>(HttpStatusCode.Created);
        var activeAtFirst = await (await staff.GetAsync(BlocklistOf(guild))).ReadAsync<BlocklistEntryDto[]>(HttpStatusCode.OK);

        Assert.Equal((BlockTarget.User, 600_000_000_000_000_001UL, "Spam", admin.UserId, true), (user.Target, user.TargetId, user.Reason, user.CreatedBy, user.Active));
        Assert.Equal((BlockTarget.Role, (string?)null), (role.Target, role.Reason));
        Assert.Equal([user.Id, role.Id], activeAtFirst.Select(e => e.Id).Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await bystander.GetAsync(BlocklistOf(guild))).StatusCode);

        await Task.Delay(soon - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300));
        var active = await (await staff.GetAsync(BlocklistOf(guild))).ReadAsync<BlocklistEntryDto[]>(HttpStatusCode.OK);
        var all = await (await staff.GetAsync($"{BlocklistOf(guild)}?includeExpired=true")).ReadAsync<BlocklistEntryDto[]>(HttpStatusCode.OK);
        Assert.Equal([user.Id], active.Select(e => e.Id));
        Assert.Equal([user.Id, role.Id], all.Select(e => e.Id).Order());
        Assert.False(all.Single(e => e.Id == role.Id).Active);

        var reblocked = await client.PostAsJsonAsync(BlocklistOf(guild), new { target = "role", targetId = "600000000000000002" });
        Assert.Equal(HttpStatusCode.Created, reblocked.StatusCode);

        var removed = await client.DeleteAsync($"{BlocklistOf(guild)}/{user.Id}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await (await client.DeleteAsync($"{BlocklistOf(guild)}/{user.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(2, await api.Database.ScalarAsync($"SELECT COUNT(*) FROM tickets_blocklist_entry WHERE guild_id = {guild}"));
        Assert.Equal(4, await ConfigurationEventsAsync(api, guild));
        await api.SettleAsync();
        Assert.Equal(4, await api.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM identity_audit_log_entry WHERE guild_id = {guild} AND command IN ('AddBlocklistEntryCommand', 'RemoveBlocklistEntryCommand')"));
    }

    [SkippableFact]
    public async Task Invalid_entries_list_every_failed_field_and_rule_failures_leave_no_row()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));

        var invalid = await client.PostAsJsonAsync(BlocklistOf(guild), new { targetId = "0", reason = new string('r', 501) });
        var badTarget = await client.PostAsJsonAsync(BlocklistOf(guild), new { target = "channel", targetId = "600000000000000001" });
        var numericId = await client.PostAsync(BlocklistOf(guild), new StringContent("""{"target":"user","targetId":600000000000000001}""", Encoding.UTF8, "application/json"));
        var past = await client.PostAsJsonAsync(BlocklistOf(guild), new { target = "user", targetId = "600000000000000001", expiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
        (await client.PostAsJsonAsync(BlocklistOf(guild), new { target = "user", targetId = "600000000000000001" })).EnsureSuccessStatusCode();
        var twice = await client.PostAsJsonAsync(BlocklistOf(guild), new { target = "user", targetId = "600000000000000001", reason = "again" });

        Assert.Equal(["Reason", "Target", "TargetId"],
            (await invalid.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("malformed-request", (await badTarget.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        Assert.Equal("malformed-request", (await numericId.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        Assert.Equal("tickets.block-expiry-in-past", (await past.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        Assert.Equal("tickets.already-blocked", (await twice.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        Assert.Equal(1, await api.Database.ScalarAsync($"SELECT COUNT(*) FROM tickets_blocklist_entry WHERE guild_id = {guild}"));
        Assert.Equal(1, await ConfigurationEventsAsync(api, guild));
    }

    [SkippableFact]
    public async Task Another_guilds_admin_gets_403_and_cannot_remove_an_entry_through_their_own_guild()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        var other = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));
        using var stranger = api.ClientFor(TestCaller.AdminOf(other, userId: 800_000_000_000_000_099));
        using var staff = api.ClientFor(TestCaller.StaffOf(guild, roleId: 555_000_000_000_000_001));
        var entry = await (await client.PostAsJsonAsync(BlocklistOf(guild), new { target = "user", targetId = "600000000000000001" }))
            .ReadAsync<BlocklistEntryDto>(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(BlocklistOf(guild))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync(BlocklistOf(guild), new { target = "user", targetId = "1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.DeleteAsync($"{BlocklistOf(guild)}/{entry.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.DeleteAsync($"{BlocklistOf(guild)}/{entry.Id}")).StatusCode);
        await (await stranger.DeleteAsync($"{BlocklistOf(other)}/{entry.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await (await stranger.GetAsync(BlocklistOf(other))).ReadAsync<BlocklistEntryDto[]>(HttpStatusCode.OK));
        Assert.Equal(1, await api.Database.ScalarAsync($"SELECT COUNT(*) FROM tickets_blocklist_entry WHERE guild_id = {guild}"));
    }

    /// <summary>Ticket staff are the holders of a category's staff role.</summary>
    private static async Task MakeStaffAsync(HttpClient admin, ulong guild, ulong roleId)
    {
        var category = await CreateCategoryAsync(admin, guild, "General");
        await (await admin.PutAsJsonAsync($"{CategoriesOf(guild)}/{category.Id}", new
        {
            name = "General", namingScheme = "ticket-{number}", staffRoleIds = new[] { roleId.ToString(CultureInfo.InvariantCulture) },
            bypassRoleIds = Array.Empty<string>(), formQuestions = Array.Empty<object>(), openTicketLimit = 1, cooldownSeconds = 0,
            autoCloseAfterHours = 72, warningBeforeCloseHours = 12,
        })).ReadAsync<JsonElement>(HttpStatusCode.OK);
    }
}
