using System.Net;
using System.Net.Http.Json;
using System.Text;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Tickets.Domain.Panels;
using TicketSaas.Modules.Tickets.Features.GetPanels;
using static TicketSaas.IntegrationTests.Modules.Tickets.CategoryConfigurationTests;

namespace TicketSaas.IntegrationTests.Modules.Tickets;

/// <summary>Panels: created, listed, edited and deleted; only ever offering their own guild's categories.</summary>
public abstract class PanelTests(ApiFixture fixture)
{
    private const string Channel = "900000000000000001";

    private static string PanelsOf(ulong guildId) => $"/api/v1/guilds/{guildId}/panels";

    [SkippableFact]
    public async Task A_panel_is_created_listed_edited_and_deleted_with_its_category_order_kept()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));
        using var staff = api.ClientFor(TestCaller.StaffOf(guild, roleId: 555_000_000_000_000_001));
        var a = await CreateCategoryAsync(client, guild, "A");
        var b = await CreateCategoryAsync(client, guild, "B");
        var c = await CreateCategoryAsync(client, guild, "C");
        var eventsBefore = await ConfigurationEventsAsync(api, guild);

        var created = await (await client.PostAsJsonAsync(PanelsOf(guild), new
        {
            channelId = Channel, title = "Open a ticket", description = "Pick one", style = "buttons", categoryIds = new[] { c.Id, a.Id, b.Id },
        })).ReadAsync<PanelDto>(HttpStatusCode.Created);
        var edited = await (await client.PutAsJsonAsync($"{PanelsOf(guild)}/{created.Id}", new
        {
            channelId = "900000000000000002", title = "Support", description = (string?)null, style = "dropdown", categoryIds = new[] { b.Id, a.Id },
        })).ReadAsync<PanelDto>(HttpStatusCode.OK);
        var listed = await (await staff.GetAsync(PanelsOf(guild))).ReadAsync<PanelDto[]>(HttpStatusCode.OK);

        Assert.Equal(guild, created.GuildId);
        Assert.Equal([c.Id, a.Id, b.Id], created.CategoryIds);
        Assert.Equal((PanelStyle.Buttons, (ulong?)null), (created.Style, created.MessageId));
        var only = Assert.Single(listed);
        foreach (var panel in new[] { edited, only })
        {
            Assert.Equal((created.Id, 900_000_000_000_000_002UL, "Support", string.Empty, PanelStyle.Dropdown),
                (panel.Id, panel.ChannelId, panel.Title, panel.Description, panel.Style));
            Assert.Equal([b.Id, a.Id], panel.CategoryIds);
        }

        var deleted = await client.DeleteAsync($"{PanelsOf(guild)}/{created.Id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await client.DeleteAsync($"{PanelsOf(guild)}/{created.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await (await client.GetAsync(PanelsOf(guild))).ReadAsync<PanelDto[]>(HttpStatusCode.OK));
        Assert.Equal(eventsBefore + 3, await ConfigurationEventsAsync(api, guild));
        await api.SettleAsync();
        Assert.Equal(3, await api.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM identity_audit_log_entry WHERE guild_id = {guild} AND command IN ('CreatePanelCommand', 'UpdatePanelCommand', 'DeletePanelCommand')"));
    }

    [SkippableFact]
    public async Task An_invalid_panel_lists_every_failed_field_and_writes_nothing()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));
        var duplicate = Guid.NewGuid();

        var invalid = await client.PostAsJsonAsync(PanelsOf(guild), new
        {
            channelId = "0", title = "", description = new string('d', 4001), categoryIds = new[] { duplicate, duplicate },
        });
        var tooMany = await client.PostAsJsonAsync(PanelsOf(guild), new
        {
            channelId = Channel, title = "T", style = "buttons", categoryIds = Enumerable.Range(0, 26).Select(_ => Guid.NewGuid()).ToArray(),
        });
        var none = await client.PostAsJsonAsync(PanelsOf(guild), new { channelId = Channel, title = "T", style = "dropdown", categoryIds = Array.Empty<Guid>() });
        var badStyle = await client.PostAsJsonAsync(PanelsOf(guild), new { channelId = Channel, title = "T", style = "carousel", categoryIds = new[] { duplicate } });
        var broken = await client.PostAsync(PanelsOf(guild), new StringContent("[", Encoding.UTF8, "application/json"));

        Assert.Equal(["CategoryIds", "ChannelId", "Description", "Style", "Title"],
            (await invalid.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["CategoryIds"], (await tooMany.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(["CategoryIds"], (await none.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal("malformed-request", (await badStyle.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        Assert.Equal("malformed-request", (await broken.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        Assert.Equal(0, await api.Database.ScalarAsync($"SELECT COUNT(*) FROM tickets_panel WHERE guild_id = {guild}"));
        Assert.Equal(0, await api.Database.ScalarAsync($"SELECT COUNT(*) FROM tickets_ticket_guild WHERE guild_id = {guild}"));
    }

    [SkippableFact]
    public async Task A_panel_offering_another_guilds_category_is_refused_clearly_and_leaves_no_row()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        var other = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));
        using var otherClient = api.ClientFor(TestCaller.AdminOf(other, userId: 800_000_000_000_000_099));
        var own = await CreateCategoryAsync(client, guild, "Own");
        var foreign = await CreateCategoryAsync(otherClient, other, "Foreign");
        var versionBefore = await api.Database.ScalarAsync($"SELECT version FROM tickets_ticket_guild WHERE guild_id = {guild}");
        var eventsBefore = await ConfigurationEventsAsync(api, guild);

        var mixed = await client.PostAsJsonAsync(PanelsOf(guild), new { channelId = Channel, title = "T", style = "buttons", categoryIds = new[] { own.Id, foreign.Id } });
        var newGuild = GuildIds.Next();
        using var newClient = api.ClientFor(TestCaller.AdminOf(newGuild));
        var fromEmptyGuild = await newClient.PostAsJsonAsync(PanelsOf(newGuild), new { channelId = Channel, title = "T", style = "buttons", categoryIds = new[] { foreign.Id } });

        var problem = await mixed.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("tickets.panel-category-unknown", problem.GetProperty("code").GetString());
        Assert.Contains(foreign.Id.ToString(), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(own.Id.ToString(), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("tickets.panel-category-unknown",
            (await fromEmptyGuild.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        Assert.Equal(0, await api.Database.ScalarAsync($"SELECT COUNT(*) FROM tickets_panel WHERE guild_id IN ({guild}, {newGuild})"));
        Assert.Equal(0, await api.Database.ScalarAsync($"SELECT COUNT(*) FROM tickets_ticket_guild WHERE guild_id = {newGuild}"));
        Assert.Equal(versionBefore, await api.Database.ScalarAsync($"SELECT version FROM tickets_ticket_guild WHERE guild_id = {guild}"));
        Assert.Equal(eventsBefore, await ConfigurationEventsAsync(api, guild));
    }

    [SkippableFact]
    public async Task Another_guilds_admin_gets_403_and_cannot_edit_a_panel_through_their_own_guild()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        var other = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));
        using var stranger = api.ClientFor(TestCaller.AdminOf(other, userId: 800_000_000_000_000_099));
        var category = await CreateCategoryAsync(client, guild, "Support");
        var otherCategory = await CreateCategoryAsync(stranger, other, "Theirs");
        var body = new { channelId = Channel, title = "T", style = "buttons", categoryIds = new[] { category.Id } };
        var panel = await (await client.PostAsJsonAsync(PanelsOf(guild), body)).ReadAsync<PanelDto>(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(PanelsOf(guild))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync(PanelsOf(guild), body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PutAsJsonAsync($"{PanelsOf(guild)}/{panel.Id}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.DeleteAsync($"{PanelsOf(guild)}/{panel.Id}")).StatusCode);
        await (await stranger.PutAsJsonAsync($"{PanelsOf(other)}/{panel.Id}", body with { categoryIds = new[] { otherCategory.Id } }))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.DeleteAsync($"{PanelsOf(other)}/{panel.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Single(await (await client.GetAsync(PanelsOf(guild))).ReadAsync<PanelDto[]>(HttpStatusCode.OK));
    }
}

public sealed class PanelsOnSqlite(SqliteApi fixture) : PanelTests(fixture), IClassFixture<SqliteApi>;

public sealed class PanelsOnMariaDb(MariaDbApi fixture) : PanelTests(fixture), IClassFixture<MariaDbApi>;
