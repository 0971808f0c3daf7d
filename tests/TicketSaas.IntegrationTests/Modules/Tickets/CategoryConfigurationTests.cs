using System.Net;
using System.Net.Http.Json;
using System.Text;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Tickets.Features.GetCategories;
using TicketSaas.Modules.Tickets.Features.GetCategory;
using TicketSaas.Modules.Tickets.Features.GetPanels;

namespace TicketSaas.IntegrationTests.Modules.Tickets;

/// <summary>A category's whole configuration (staff, channels, limits, form, timer): read, replaced, deleted.</summary>
public abstract class CategoryConfigurationTests(ApiFixture fixture)
{
    internal static string CategoriesOf(ulong guildId) => $"/api/v1/guilds/{guildId}/categories";

    [SkippableFact]
    public async Task A_new_category_has_the_defaults_and_a_full_update_is_read_back_audited_and_announced()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));
        using var staff = api.ClientFor(TestCaller.StaffOf(guild, roleId: 555_000_000_000_000_001));
        var created = await CreateCategoryAsync(client, guild, "Support");
        var eventsBefore = await ConfigurationEventsAsync(api, guild);

        var initial = await (await staff.GetAsync($"{CategoriesOf(guild)}/{created.Id}")).ReadAsync<CategoryDetailsDto>(HttpStatusCode.OK);
        var updated = await (await client.PutAsJsonAsync($"{CategoriesOf(guild)}/{created.Id}", FullBody("Help desk")))
            .ReadAsync<CategoryDetailsDto>(HttpStatusCode.OK);
        var read = await (await staff.GetAsync($"{CategoriesOf(guild)}/{created.Id}")).ReadAsync<CategoryDetailsDto>(HttpStatusCode.OK);

        Assert.Equal((1, 0, 72, 12), (initial.OpenTicketLimit, initial.CooldownSeconds, initial.AutoCloseAfterHours!.Value, initial.WarningBeforeCloseHours));
        Assert.Empty(initial.StaffRoleIds);
        Assert.Empty(initial.FormQuestions);
        Assert.Null(initial.ParentChannelId);
        foreach (var category in new[] { updated, read })
        {
            Assert.Equal("Help desk", category.Name);
            Assert.Equal([111_000_000_000_000_001UL, 111_000_000_000_000_002UL], category.StaffRoleIds);
            Assert.Equal((222_000_000_000_000_001UL, 333_000_000_000_000_001UL), (category.ParentChannelId!.Value, category.LogChannelId!.Value));
            Assert.Equal((3, 3600, 48, 6), (category.OpenTicketLimit, category.CooldownSeconds, category.AutoCloseAfterHours!.Value, category.WarningBeforeCloseHours));
            Assert.Equal([444_000_000_000_000_001UL], category.BypassRoleIds);
            Assert.Equal(["What happened?", "Details", "Platform"], category.FormQuestions.Select(q => q.Label));
            Assert.Equal(["pc", "console"], category.FormQuestions[2].Options!.Select(o => o.Value));
            Assert.Equal(4000, category.FormQuestions[1].MaxLength);
        }

        Assert.Equal(eventsBefore + 1, await ConfigurationEventsAsync(api, guild));
        await api.SettleAsync();
        Assert.Equal(1, await api.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM identity_audit_log_entry WHERE guild_id = {guild} AND command = 'UpdateCategoryCommand'"));
    }

    [SkippableFact]
    public async Task Snowflakes_travel_as_strings()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));
        var created = await CreateCategoryAsync(client, guild, "Support");
        (await client.PutAsJsonAsync($"{CategoriesOf(guild)}/{created.Id}", FullBody("Support"))).EnsureSuccessStatusCode();

        var json = await client.GetStringAsync($"{CategoriesOf(guild)}/{created.Id}");
        var numeric = await client.PutAsync($"{CategoriesOf(guild)}/{created.Id}", new StringContent(
            """{"name":"Support","namingScheme":"s-{number}","staffRoleIds":[111000000000000001],"openTicketLimit":1,"cooldownSeconds":0,"bypassRoleIds":[],"formQuestions":[],"autoCloseAfterHours":72,"warningBeforeCloseHours":12}""",
            Encoding.UTF8, "application/json"));

        Assert.Contains("\"staffRoleIds\":[\"111000000000000001\",\"111000000000000002\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"parentChannelId\":\"222000000000000001\"", json, StringComparison.Ordinal);
        Assert.Equal("malformed-request", (await numeric.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString());
    }

    [SkippableFact]
    public async Task An_invalid_update_lists_every_failed_field_and_changes_nothing()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));
        var created = await CreateCategoryAsync(client, guild, "Support");
        var longText = new string('x', 101);
        var body = new
        {
            name = "",
            namingScheme = "{nope}",
            staffRoleIds = new[] { "0", "0" },
            parentChannelId = "0",
            logChannelId = (string?)null,
            openTicketLimit = 11,
            cooldownSeconds = 86_401,
            bypassRoleIds = Enumerable.Range(1, 26).Select(i => $"{i}").ToArray(),
            formQuestions = new object[]
            {
                new { label = new string('q', 46), style = "short", required = true, placeholder = longText, minLength = 10, maxLength = 5 },
                new { label = "Length", style = "paragraph", required = false, maxLength = 4001 },
                new { label = "Pick", style = "select", required = true, minLength = 1, options = Array.Empty<object>() },
                new { label = "Pick more", style = "select", required = true, options = new[] { new { label = longText, value = "" } } },
                new { label = "Fine", style = "short", required = true },
                new { label = "Sixth", style = "short", required = true },
            },
            autoCloseAfterHours = 0,
            warningBeforeCloseHours = -1,
        };

        var response = await client.PutAsJsonAsync($"{CategoriesOf(guild)}/{created.Id}", body);

        var errors = (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(
            [
                "AutoCloseAfterHours", "BypassRoleIds", "CooldownSeconds", "FormQuestions",
                "FormQuestions[0].Label", "FormQuestions[0].MaxLength", "FormQuestions[0].Placeholder",
                "FormQuestions[1].MaxLength", "FormQuestions[2].MinLength", "FormQuestions[2].Options",
                "FormQuestions[3].Options[0].Label", "FormQuestions[3].Options[0].Value",
                "Name", "NamingScheme", "OpenTicketLimit", "ParentChannelId", "StaffRoleIds", "WarningBeforeCloseHours",
            ],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, errors.GetProperty("StaffRoleIds").GetArrayLength());
        var read = await (await client.GetAsync($"{CategoriesOf(guild)}/{created.Id}")).ReadAsync<CategoryDetailsDto>(HttpStatusCode.OK);
        Assert.Equal(("Support", 1), (read.Name, read.OpenTicketLimit));
    }

    [SkippableFact]
    public async Task Missing_fields_are_refused_not_defaulted_and_bad_json_is_a_400()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));
        var created = await CreateCategoryAsync(client, guild, "Support");

        var empty = await client.PutAsJsonAsync($"{CategoriesOf(guild)}/{created.Id}", new { });
        var broken = await client.PutAsync($"{CategoriesOf(guild)}/{created.Id}", new StringContent("{\"name\":", Encoding.UTF8, "application/json"));
        var badStyle = await client.PutAsJsonAsync($"{CategoriesOf(guild)}/{created.Id}", FullBody("Support") with
        {
            FormQuestions = [new { label = "Q", style = "checkbox", required = true }],
        });

        Assert.Equal(
            ["BypassRoleIds", "CooldownSeconds", "FormQuestions", "Name", "NamingScheme", "OpenTicketLimit", "StaffRoleIds", "WarningBeforeCloseHours"],
            (await empty.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("malformed-request", (await broken.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        Assert.Equal("malformed-request", (await badStyle.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString());
    }

    [SkippableFact]
    public async Task Renaming_onto_another_categorys_name_is_refused_and_leaves_both_unchanged()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));
        await CreateCategoryAsync(client, guild, "Billing");
        var support = await CreateCategoryAsync(client, guild, "Support");
        var eventsBefore = await ConfigurationEventsAsync(api, guild);

        var response = await client.PutAsJsonAsync($"{CategoriesOf(guild)}/{support.Id}", FullBody("billing"));

        Assert.Equal("tickets.category-name-taken", (await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        var names = await (await client.GetAsync(CategoriesOf(guild))).ReadAsync<CategoryDto[]>(HttpStatusCode.OK);
        Assert.Equal(["Billing", "Support"], names.Select(c => c.Name));
        Assert.Equal(0, await api.Database.ScalarAsync($"SELECT COUNT(*) FROM tickets_category WHERE guild_id = {guild} AND open_ticket_limit = 3"));
        Assert.Equal(eventsBefore, await ConfigurationEventsAsync(api, guild));
    }

    [SkippableFact]
    public async Task Deleting_a_category_a_panel_offers_is_refused_until_the_panel_lets_go()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));
        var support = await CreateCategoryAsync(client, guild, "Support");
        var billing = await CreateCategoryAsync(client, guild, "Billing");
        var panel = await (await client.PostAsJsonAsync($"/api/v1/guilds/{guild}/panels", new
        {
            channelId = "900000000000000001", title = "Open a ticket", description = "", style = "buttons",
            categoryIds = new[] { support.Id, billing.Id },
        })).ReadAsync<PanelDto>(HttpStatusCode.Created);

        var refused = await client.DeleteAsync($"{CategoriesOf(guild)}/{support.Id}");
        var problem = await refused.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("tickets.category-in-use", problem.GetProperty("code").GetString());
        Assert.Contains("Open a ticket", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, await api.Database.ScalarAsync($"SELECT COUNT(*) FROM tickets_category WHERE guild_id = {guild}"));

        (await client.PutAsJsonAsync($"/api/v1/guilds/{guild}/panels/{panel.Id}", new
        {
            channelId = "900000000000000001", title = "Open a ticket", description = "", style = "buttons", categoryIds = new[] { billing.Id },
        })).EnsureSuccessStatusCode();
        var deleted = await client.DeleteAsync($"{CategoriesOf(guild)}/{support.Id}");
        var again = await client.DeleteAsync($"{CategoriesOf(guild)}/{support.Id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await again.ReadProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"{CategoriesOf(guild)}/{support.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, await api.Database.ScalarAsync($"SELECT COUNT(*) FROM tickets_category WHERE guild_id = {guild}"));
        await api.SettleAsync();
        Assert.Equal(1, await api.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM identity_audit_log_entry WHERE guild_id = {guild} AND command = 'DeleteCategoryCommand'"));
    }

    [SkippableFact]
    public async Task Another_guilds_admin_gets_403_and_cannot_reach_a_category_through_their_own_guild()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        var other = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));
        using var stranger = api.ClientFor(TestCaller.AdminOf(other, userId: 800_000_000_000_000_099));
        using var staff = api.ClientFor(TestCaller.StaffOf(guild, roleId: 555_000_000_000_000_001));
        var created = await CreateCategoryAsync(client, guild, "Support");

        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"{CategoriesOf(guild)}/{created.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PutAsJsonAsync($"{CategoriesOf(guild)}/{created.Id}", FullBody("Mine"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.DeleteAsync($"{CategoriesOf(guild)}/{created.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync($"{CategoriesOf(guild)}/{created.Id}", FullBody("Staff"))).StatusCode);
        await (await stranger.GetAsync($"{CategoriesOf(other)}/{created.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PutAsJsonAsync($"{CategoriesOf(other)}/{created.Id}", FullBody("Mine"))).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.DeleteAsync($"{CategoriesOf(other)}/{created.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        var read = await (await client.GetAsync($"{CategoriesOf(guild)}/{created.Id}")).ReadAsync<CategoryDetailsDto>(HttpStatusCode.OK);
        Assert.Equal("Support", read.Name);
    }

    internal static async Task<CategoryDto> CreateCategoryAsync(HttpClient client, ulong guild, string name) =>
        await (await client.PostAsJsonAsync(CategoriesOf(guild), new { name, namingScheme = "t-{number}" })).ReadAsync<CategoryDto>(HttpStatusCode.Created);

    internal static Task<long> ConfigurationEventsAsync(ApiHost api, ulong guild) =>
        api.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM tickets_outbox_message WHERE name = 'tickets.guild-configuration-changed.v1' AND payload LIKE '%{guild}%'");

    private static CategoryBody FullBody(string name) => new(
        name,
        "t-{number:0000}",
        ["111000000000000001", "111000000000000002"],
        "222000000000000001",
        "333000000000000001",
        3,
        3600,
        ["444000000000000001"],
        [
            new { label = "What happened?", style = "short", required = true, placeholder = "One line", minLength = 5, maxLength = 100 },
            new { label = "Details", style = "paragraph", required = false, minLength = 0, maxLength = 4000 },
            new
            {
                label = "Platform", style = "select", required = true,
                options = new[] { new { label = "PC", value = "pc" }, new { label = "Console", value = "console" } },
            },
        ],
        48,
        6);

    private sealed record CategoryBody(
        string Name,
        string NamingScheme,
        string[] StaffRoleIds,
        string? ParentChannelId,
        string? LogChannelId,
        int OpenTicketLimit,
        int CooldownSeconds,
        string[] BypassRoleIds,
        object[] FormQuestions,
        int? AutoCloseAfterHours,
        int WarningBeforeCloseHours);
}

public sealed class CategoryConfigurationOnSqlite(SqliteApi fixture) : CategoryConfigurationTests(fixture), IClassFixture<SqliteApi>;

public sealed class CategoryConfigurationOnMariaDb(MariaDbApi fixture) : CategoryConfigurationTests(fixture), IClassFixture<MariaDbApi>;
