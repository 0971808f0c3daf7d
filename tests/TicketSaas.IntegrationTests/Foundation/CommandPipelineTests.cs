using System.Net;
using System.Net.Http.Json;
using System.Text;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Identity.Features.GetAuditLog;
using TicketSaas.Modules.Tickets.Features.GetCategories;

namespace TicketSaas.IntegrationTests.Foundation;

/// <summary>Request → validation → handler → one transaction → response, and what happens when any step refuses.</summary>
public abstract class CommandPipelineTests(ApiFixture fixture)
{
    private static string CategoriesOf(ulong guildId) => $"/api/v1/guilds/{guildId}/categories";

    [SkippableFact]
    public async Task Invalid_command_returns_400_listing_every_failed_field_and_writes_nothing()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));

        var response = await client.PostAsJsonAsync(CategoriesOf(guild), new { name = "", namingScheme = "{nope}-{number" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation", problem.GetProperty("code").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Equal(["Name", "NamingScheme"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(2, errors.GetProperty("NamingScheme").GetArrayLength());
        Assert.Equal(0, await RowsForGuild(api, "tickets_ticket_guild", guild));
    }

    [SkippableFact]
    public async Task Malformed_or_unexpected_json_is_a_400_problem_and_writes_nothing()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));

        var broken = await client.PostAsync(CategoriesOf(guild), new StringContent("{\"name\": \"Support\",", Encoding.UTF8, "application/json"));
        var unknownField = await client.PostAsJsonAsync(CategoriesOf(guild), new { name = "Support", namingScheme = "s-{number}", colour = "red" });

        Assert.Equal("malformed-request", (await broken.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        Assert.Equal("malformed-request", (await unknownField.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        Assert.Equal(0, await RowsForGuild(api, "tickets_ticket_guild", guild));
    }

    [SkippableFact]
    public async Task A_business_rule_that_fails_after_the_domain_changed_leaves_no_row_behind()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));
        for (var i = 1; i <= 50; i++)
        {
            (await client.PostAsJsonAsync(CategoriesOf(guild), new { name = $"Category {i}", namingScheme = "t-{number}" })).EnsureSuccessStatusCode();
        }

        var versionBefore = await api.Database.ScalarAsync($"SELECT version FROM tickets_ticket_guild WHERE guild_id = {guild}");
        var eventsBefore = await api.Database.ScalarAsync("SELECT COUNT(*) FROM tickets_outbox_message");

        // The aggregate adds the category and bumps its version, then finds the limit broken.
        var response = await client.PostAsJsonAsync(CategoriesOf(guild), new { name = "One too many", namingScheme = "t-{number}" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("tickets.category-limit", problem.GetProperty("code").GetString());
        Assert.Equal(50, await RowsForGuild(api, "tickets_category", guild));
        Assert.Equal(versionBefore, await api.Database.ScalarAsync($"SELECT version FROM tickets_ticket_guild WHERE guild_id = {guild}"));
        Assert.Equal(eventsBefore, await api.Database.ScalarAsync("SELECT COUNT(*) FROM tickets_outbox_message"));
    }

    [SkippableFact]
    public async Task A_duplicate_name_is_refused_with_its_rule_code()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));
        (await client.PostAsJsonAsync(CategoriesOf(guild), new { name = "Billing", namingScheme = "b-{number}" })).EnsureSuccessStatusCode();

        var response = await client.PostAsJsonAsync(CategoriesOf(guild), new { name = "BILLING", namingScheme = "b-{number}" });

        Assert.Equal("tickets.category-name-taken",
            (await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        Assert.Equal(1, await RowsForGuild(api, "tickets_category", guild));
    }

    [SkippableFact]
    public async Task A_valid_command_is_saved_read_back_and_audited_through_the_outbox()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        var admin = TestCaller.AdminOf(guild, userId: 812_345_678_901_234_567);
        using var client = api.ClientFor(admin);

        var created = await (await client.PostAsJsonAsync(CategoriesOf(guild), new { name = "Support", namingScheme = "support-{number:0000}" }))
            .ReadAsync<CategoryDto>(HttpStatusCode.Created);
        var listed = await (await client.GetAsync(CategoriesOf(guild))).ReadAsync<CategoryDto[]>(HttpStatusCode.OK);

        await api.SettleAsync();
        var auditLog = await (await client.GetAsync($"/api/v1/guilds/{guild}/audit-log")).ReadAsync<AuditLogEntryDto[]>(HttpStatusCode.OK);

        Assert.Equal(guild, created.GuildId);
        Assert.Equal([created], listed);
        var entry = Assert.Single(auditLog);
        Assert.Equal(("tickets", "CreateCategoryCommand", admin.UserId), (entry.Module, entry.Command, entry.ActorUserId));
        Assert.Contains(created.Id.ToString(), entry.Changes.GetRawText(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Concurrent_commands_on_one_aggregate_end_in_success_or_409_never_500()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));
        (await client.PostAsJsonAsync(CategoriesOf(guild), new { name = "First", namingScheme = "f-{number}" })).EnsureSuccessStatusCode();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            client.PostAsJsonAsync(CategoriesOf(guild), new { name = $"Parallel {i}", namingScheme = "p-{number}" })));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1 + created, await RowsForGuild(api, "tickets_category", guild));
        Assert.Equal(1 + created, await api.Database.ScalarAsync($"SELECT version FROM tickets_ticket_guild WHERE guild_id = {guild}"));
    }

    private static Task<long> RowsForGuild(ApiHost api, string table, ulong guild) =>
        api.Database.ScalarAsync($"SELECT COUNT(*) FROM {table} WHERE guild_id = {guild}");
}

public sealed class CommandPipelineOnSqlite(SqliteApi fixture) : CommandPipelineTests(fixture), IClassFixture<SqliteApi>;

public sealed class CommandPipelineOnMariaDb(MariaDbApi fixture) : CommandPipelineTests(fixture), IClassFixture<MariaDbApi>;
