using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Tickets.Features.BulkCloseTickets;
using TicketSaas.Modules.Tickets.Features.GetTickets;
using static TicketSaas.IntegrationTests.Tickets.List.SeededGuild;

namespace TicketSaas.IntegrationTests.Tickets.List;

/// <summary>The staff's ticket list (filters, keyset pages, who sees what) and bulk close, over HTTP.</summary>
public sealed class TicketListTests(SqliteApi fixture) : IClassFixture<SqliteApi>
{
    private const ulong OtherOpener = 610_000_000_000_000_002;

    [Fact]
    public async Task Each_filter_narrows_the_list_newest_first()
    {
        var api = await fixture.HostAsync();
        var day = Now.AddDays(-10);
        var guild = await CreateAsync(api, 2,
        [
            new TicketSeed(0, day) { ClaimedBy = StaffA, ClosedAfter = TimeSpan.FromHours(1) },
            new TicketSeed(0, day.AddDays(1)) { ClaimedBy = StaffB },
            new TicketSeed(1, day.AddDays(2)) { OpenerId = OtherOpener },
            new TicketSeed(1, day.AddDays(3)) { ClaimedBy = StaffA, ClosedAfter = TimeSpan.FromHours(2) },
            new TicketSeed(0, day.AddDays(4)),
        ]);
        using var admin = api.ClientFor(guild.Admin);
        var t = guild.Tickets;

        async Task<Guid[]> ListAsync(string filter) =>
            [.. (await admin.GetAsync($"{guild.Api}/tickets?{filter}")).ReadAsync<TicketPageDto>(HttpStatusCode.OK).Result.Items.Select(i => i.Id)];

        Assert.Equal([t[4], t[3], t[2], t[1], t[0]], await ListAsync(""));
        Assert.Equal([t[4], t[2], t[1]], await ListAsync("status=open"));
        Assert.Equal([t[3], t[0]], await ListAsync("status=closed"));
        Assert.Equal([t[3], t[2]], await ListAsync($"category={guild.Categories[1]}"));
        Assert.Equal([t[2]], await ListAsync($"opener={OtherOpener}"));
        Assert.Equal([t[3], t[0]], await ListAsync($"claimer={StaffA}"));
        Assert.Equal([t[3], t[2], t[1]], await ListAsync($"from={Iso(day.AddDays(1).AddSeconds(-1))}&to={Iso(day.AddDays(4).AddSeconds(-1))}"));
        Assert.Equal([t[3]], await ListAsync($"status=closed&category={guild.Categories[1]}&claimer={StaffA}"));
    }

    [Fact]
    public async Task Pages_follow_the_cursor_without_repeats_or_gaps_even_when_tickets_arrive_meanwhile()
    {
        var api = await fixture.HostAsync();
        var guild = await CreateAsync(api, 1, [.. Enumerable.Range(0, 7).Select(i => new TicketSeed(0, Now.AddMinutes(-60 + i)))]);
        using var admin = api.ClientFor(guild.Admin);

        var first = await (await admin.GetAsync($"{guild.Api}/tickets?limit=3")).ReadAsync<TicketPageDto>(HttpStatusCode.OK);
        var second = await (await admin.GetAsync($"{guild.Api}/tickets?limit=3&after={first.Next}")).ReadAsync<TicketPageDto>(HttpStatusCode.OK);
        var third = await (await admin.GetAsync($"{guild.Api}/tickets?limit=3&after={second.Next}")).ReadAsync<TicketPageDto>(HttpStatusCode.OK);

        Assert.Equal(guild.Tickets.Reverse(), [.. first.Items.Concat(second.Items).Concat(third.Items).Select(i => i.Id)]);
        Assert.Single(third.Items);
        Assert.Null(third.Next);
        Assert.Equal([7, 6, 5], first.Items.Select(i => i.Number));
    }

    [Fact]
    public async Task Staff_see_their_categories_tickets_only_and_members_without_a_staff_role_see_none()
    {
        var api = await fixture.HostAsync();
        var guild = await CreateAsync(api, 2, [new TicketSeed(0, Now.AddHours(-3)), new TicketSeed(1, Now.AddHours(-2)), new TicketSeed(0, Now.AddHours(-1))]);
        using var staff = api.ClientFor(guild.StaffOf(1));
        using var member = api.ClientFor(TestCaller.StaffOf(guild.Id, 123_456));

        var staffList = await (await staff.GetAsync($"{guild.Api}/tickets")).ReadAsync<TicketPageDto>(HttpStatusCode.OK);
        var asked = await (await staff.GetAsync($"{guild.Api}/tickets?category={guild.Categories[0]}")).ReadAsync<TicketPageDto>(HttpStatusCode.OK);
        var memberList = await (await member.GetAsync($"{guild.Api}/tickets")).ReadAsync<TicketPageDto>(HttpStatusCode.OK);

        Assert.Equal([guild.Tickets[1]], staffList.Items.Select(i => i.Id));
        Assert.Empty(asked.Items);
        Assert.Empty(memberList.Items);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.ClientFor(TestCaller.AdminOf(GuildIds.Next())).GetAsync($"{guild.Api}/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.ClientFor(TestCaller.Anonymous).GetAsync($"{guild.Api}/tickets")).StatusCode);
    }

    [Theory]
    [InlineData("status=pending", "Status")]
    [InlineData("limit=0", "Limit")]
    [InlineData("limit=101", "Limit")]
    [InlineData("after=not-a-cursor", "After")]
    [InlineData("from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "To")]
    public async Task Bad_filters_are_problems(string filter, string field)
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));

        var problem = await (await admin.GetAsync($"/api/v1/guilds/{guild}/tickets?{filter}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Bulk_close_closes_each_ticket_as_a_single_close_would_and_reports_the_others_untouched()
    {
        var api = await fixture.HostAsync();
        var guild = await CreateAsync(api, 2,
        [
            new TicketSeed(0, Now.AddHours(-4)),
            new TicketSeed(0, Now.AddHours(-3)) { ClosedAfter = TimeSpan.FromMinutes(5) },
            new TicketSeed(1, Now.AddHours(-2)),
            new TicketSeed(0, Now.AddHours(-1)),
            new TicketSeed(0, Now.AddMinutes(-30)),
        ]);
        var t = guild.Tickets;
        var unknown = Guid.NewGuid();
        using var staff = api.ClientFor(guild.StaffOf(0));
        var before = await RowsAsync(api, guild);

        (await staff.PostAsJsonAsync($"{guild.Api}/tickets/{t[4]}/close", new { reason = "Solved" })).EnsureSuccessStatusCode();
        var result = await (await staff.PostAsJsonAsync($"{guild.Api}/tickets/bulk-close", new { ticketIds = new[] { t[0], t[1], t[2], unknown, t[3] }, reason = "Solved" }))
            .ReadAsync<BulkCloseResultDto>(HttpStatusCode.OK);

        Assert.Equal(
            [(t[0], true, (string?)null), (t[1], false, "tickets.not-open"), (t[2], false, "tickets.staff-only"), (unknown, false, "not-found"), (t[3], true, null)],
            result.Results.Select(r => (r.TicketId, r.Closed, r.Error)));
        Assert.Equal([null, 422, 403, 404, null], result.Results.Select(r => r.Status));
        var after = await RowsAsync(api, guild);
        Assert.Equal(before[t[1]], after[t[1]]);
        Assert.Equal(before[t[2]], after[t[2]]);

        // The bulk-closed tickets look exactly like the one closed alone: same columns, same event, same chores.
        var closedEvents = (await api.Database.ColumnAsync("SELECT payload FROM tickets_outbox_message WHERE name = 'tickets.ticket-closed.v1'"))
            .Select(p => JsonDocument.Parse(p).RootElement).Where(p => p.GetProperty("GuildId").ToString() == guild.Id.ToString(CultureInfo.InvariantCulture))
            .ToDictionary(p => p.GetProperty("TicketId").GetGuid());
        Assert.Equal([t[0], t[3], t[4]], closedEvents.Keys.Order());
        foreach (var id in new[] { t[0], t[3] })
        {
            Assert.Equal(Shape(after[t[4]]), Shape(after[id]));
            Assert.Equal("Solved", closedEvents[id].GetProperty("Reason").GetString());
            Assert.Equal(await ChoreKindsAsync(api, t[4]), await ChoreKindsAsync(api, id));
        }
    }

    [Theory]
    [InlineData("{\"ticketIds\":[]}")]
    [InlineData("{}")]
    [InlineData("{\"ticketIds\":[\"TICKET\",\"TICKET\"]}")]
    [InlineData("{\"ticketIds\":[\"00000000-0000-0000-0000-000000000000\"]}")]
    [InlineData("{\"ticketIds\":[\"TICKET\"],\"reason\":\"LONG\"}")]
    [InlineData("{\"ticketIds\":\"TICKET\"}")]
    public async Task Bad_bulk_closes_are_problems_and_close_nothing(string body)
    {
        var api = await fixture.HostAsync();
        var guild = await CreateAsync(api, 1, [new TicketSeed(0, Now.AddHours(-1))]);
        using var admin = api.ClientFor(guild.Admin);
        var json = body.Replace("TICKET", guild.Tickets[0].ToString(), StringComparison.Ordinal).Replace("LONG", new string('x', 501), StringComparison.Ordinal);

        var response = await admin.PostAsync($"{guild.Api}/tickets/bulk-close", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Open", await api.Database.ScalarTextAsync($"SELECT status FROM tickets_ticket WHERE guild_id = {guild.Id}"));
    }

    [Fact]
    public async Task More_than_a_hundred_tickets_at_once_is_a_problem()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));

        var response = await admin.PostAsJsonAsync($"/api/v1/guilds/{guild}/tickets/bulk-close",
            new { ticketIds = Enumerable.Range(0, BulkCloseTicketsCommand.MaxTickets + 1).Select(_ => Guid.NewGuid()) });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("At most 100", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>Each ticket's row as text, column by column.</summary>
    private static async Task<Dictionary<Guid, string>> RowsAsync(ApiHost api, SeededGuild guild)
    {
        var rows = await api.Database.ColumnAsync(
            $"SELECT CONCAT_WS('|', id, status, COALESCE(closed_by, ''), COALESCE(close_reason, ''), COALESCE(closed_at, ''), close_count, COALESCE(auto_close_at, '')) "
            + $"FROM tickets_ticket WHERE guild_id = {guild.Id}");
        return rows.ToDictionary(r => Guid.Parse(r.Split('|')[0]));
    }

    /// <summary>A closed ticket's row without what differs by ticket (id, time).</summary>
    private static string Shape(string row) => string.Join('|', row.Split('|') is var c ? [c[1], c[2], c[3], c[5], c[6]] : []);

    private static async Task<string> ChoreKindsAsync(ApiHost api, Guid ticketId) =>
        string.Join(',', (await api.Database.ColumnAsync($"SELECT work FROM tickets_ticket_chore WHERE lower(ticket_id) = '{ticketId}' ORDER BY id"))
            .Select(work => JsonDocument.Parse(work).RootElement.GetProperty("kind").GetString()));
}
