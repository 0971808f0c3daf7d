using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Application.Paging;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Tickets.Features.GetTickets;
using TicketSaas.Modules.Tickets.Persistence;
using TicketSaas.Testing;
using static TicketSaas.IntegrationTests.Tickets.List.SeededGuild;

namespace TicketSaas.IntegrationTests.Tickets.List;

/// <summary>
/// The list and its filtered variants read their guild's tickets through the index made for them, in page order, on
/// both databases: the SQL the handler runs (ToQueryString of the same IQueryable) is explained, not a copy of it.
/// </summary>
public abstract class TicketListPlanTests(ApiFixture fixture)
{
    private const string ByGuild = "ix_tickets_ticket_guild_id_created_at_id";
    private const string ByStatus = "ix_tickets_ticket_guild_id_status_created_at_id";
    private const string ByCategory = "ix_tickets_ticket_guild_id_category_id_created_at_id";
    private const string ByOpener = "ix_tickets_ticket_guild_id_opener_id_created_at_id";
    private const string ByClaimer = "ix_tickets_ticket_guild_id_claimed_by_created_at_id";

    [SkippableFact]
    public async Task The_list_and_each_filter_use_their_index_without_a_full_scan_or_a_sort()
    {
        var api = await fixture.HostAsync();

        // Enough guilds and rows that MariaDB's optimizer, given statistics, has reason to prefer an index.
        var guilds = new List<SeededGuild>();
        for (var g = 0; g < 20; g++)
        {
            guilds.Add(await CreateAsync(api, 4, [.. Enumerable.Range(0, 60).Select(i => new TicketSeed(i % 4, Now.AddMinutes(-i))
            {
                OpenerId = Opener + (ulong)(i % 12),
                ClaimedBy = i % 3 == 0 ? null : StaffA + (ulong)(i % 5),
                ClosedAfter = i % 2 == 0 ? TimeSpan.FromSeconds(30) : null,
            })]));
        }

        if (fixture.Kind == DatabaseKind.MariaDb)
        {
            await api.Database.ColumnAsync("ANALYZE TABLE tickets_ticket");
        }

        var guild = guilds[7];
        var cursor = new KeysetCursor(Now.AddMinutes(-10), guild.Tickets[10]).ToString();
        var lists = new (string Name, GetTicketsQuery Query, Guid[]? Readable, string[] Indexes)[]
        {
            ("list", new GetTicketsQuery(guild.Id), null, [ByGuild]),
            ("next page", new GetTicketsQuery(guild.Id, After: cursor), null, [ByGuild]),
            ("open", new GetTicketsQuery(guild.Id, Status: GetTicketsQuery.Open), null, [ByStatus]),
            ("closed, next page", new GetTicketsQuery(guild.Id, Status: GetTicketsQuery.Closed, After: cursor), null, [ByStatus]),
            ("by category", new GetTicketsQuery(guild.Id, CategoryId: guild.Categories[2]), null, [ByCategory]),
            ("by opener", new GetTicketsQuery(guild.Id, OpenerId: Opener + 3), null, [ByOpener]),
            ("by claimer", new GetTicketsQuery(guild.Id, ClaimedBy: StaffA + 1), null, [ByClaimer]),
            ("in a period", new GetTicketsQuery(guild.Id, From: Now.AddMinutes(-40), To: Now.AddMinutes(-20)), null, [ByGuild]),
            ("staff's list, one category", new GetTicketsQuery(guild.Id), [guild.Categories[0]], [ByCategory]),

            // Either narrows to the few rows in page order; which is cheaper depends on the data.
            ("staff's open tickets, one category", new GetTicketsQuery(guild.Id, Status: GetTicketsQuery.Open), [guild.Categories[0]], [ByCategory, ByStatus]),
        };

        var failures = new List<string>();
        foreach (var (name, query, readable, indexes) in lists)
        {
            var plan = await ExplainAsync(api, query, readable);
            var problems = indexes.Select(index => QueryPlans.Problem(plan, index, fixture.Kind)).ToList();
            if (problems.All(p => p is not null) && problems[0] is { } problem)
            {
                failures.Add($"{name}: {problem}\n  {string.Join("\n  ", plan)}");
            }
        }

        // Staff of several categories: SQLite walks the guild's index in page order; MariaDB reads their categories'
        // ranges of the category index and sorts those rows (never the whole table's).
        var several = await ExplainAsync(api, new GetTicketsQuery(guild.Id), [guild.Categories[0], guild.Categories[1]]);
        var severalProblem = fixture.Kind == DatabaseKind.Sqlite
            ? QueryPlans.Problem(several, ByGuild, fixture.Kind)
            : several.Any(step => step.Contains("type=ALL", StringComparison.Ordinal) || !step.Contains($"key={ByCategory};", StringComparison.Ordinal))
                ? "not a range of the category index" : null;
        if (severalProblem is not null)
        {
            failures.Add($"staff of two categories: {severalProblem}\n  {string.Join("\n  ", several)}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task<IReadOnlyList<string>> ExplainAsync(ApiHost api, GetTicketsQuery query, Guid[]? readable)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        return await QueryPlans.ExplainAsync(db, TicketList.Page(db, query, readable), fixture.Kind);
    }
}

public sealed class TicketListPlansOnSqlite(SqliteApi fixture) : TicketListPlanTests(fixture), IClassFixture<SqliteApi>;

public sealed class TicketListPlansOnMariaDb(MariaDbApi fixture) : TicketListPlanTests(fixture), IClassFixture<MariaDbApi>;
