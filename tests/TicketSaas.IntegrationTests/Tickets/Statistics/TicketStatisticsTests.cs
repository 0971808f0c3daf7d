using System.Net;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.IntegrationTests.Tickets.List;
using TicketSaas.Modules.Tickets.Features.GetResponseTimes;
using TicketSaas.Modules.Tickets.Features.GetTicketRatings;
using TicketSaas.Modules.Tickets.Features.GetTicketStatusCounts;
using TicketSaas.Modules.Tickets.Features.GetTicketVolume;
using TicketSaas.Modules.Tickets.Statistics;
using static TicketSaas.IntegrationTests.Tickets.List.SeededGuild;

namespace TicketSaas.IntegrationTests.Tickets.Statistics;

/// <summary>
/// Six tickets with known times around the period 10–11 March (UTC), and the exact figures they make. Two open
/// within half an hour of midnight UTC: in any zone east of UTC both would fall on the 11th.
/// </summary>
public abstract class TicketStatisticsTests(ApiFixture fixture)
{
    private const string Period = "from=2026-03-10&to=2026-03-11";
    private static readonly DateTimeOffset March10 = new(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);

    private static readonly TicketSeed[] Tickets =
    [
        new(0, March10.AddHours(23.5)) { ClaimedBy = StaffA, FirstResponseAfter = TimeSpan.FromMinutes(10), ClosedAfter = TimeSpan.FromHours(2), Rating = 5 },
        new(0, March10.AddHours(24.5)) { ClaimedBy = StaffA, FirstResponseAfter = TimeSpan.FromMinutes(20), ClosedAfter = TimeSpan.FromHours(4), Rating = 3 },
        new(1, March10.AddHours(34)) { ClaimedBy = StaffB, FirstResponseAfter = TimeSpan.FromHours(1) },
        new(1, March10.AddHours(9)) { ClosedAfter = TimeSpan.FromMinutes(30), Rating = 1 },
        new(0, March10.AddHours(-12)) { ClaimedBy = StaffB, FirstResponseAfter = TimeSpan.FromMinutes(5), ClosedAfter = TimeSpan.FromHours(24), Rating = 4 },
        new(1, March10.AddDays(2)) { ClaimedBy = StaffB, FirstResponseAfter = TimeSpan.FromMinutes(1), ClosedAfter = TimeSpan.FromHours(1), Rating = 2 },
    ];

    [SkippableFact]
    public async Task Volume_counts_openings_and_closes_per_utc_day()
    {
        var (guild, admin, staff) = await SceneAsync();

        var all = await (await admin.GetAsync($"{guild.Api}/tickets/statistics/volume?{Period}")).ReadAsync<TicketVolumeDto>(HttpStatusCode.OK);
        var theirs = await (await staff.GetAsync($"{guild.Api}/tickets/statistics/volume?{Period}")).ReadAsync<TicketVolumeDto>(HttpStatusCode.OK);

        Assert.Equal("UTC", all.TimeZone);
        Assert.Equal([new(new DateOnly(2026, 3, 10), 2, 2), new(new DateOnly(2026, 3, 11), 2, 2)], all.Days);
        Assert.Equal([new(new DateOnly(2026, 3, 10), 1, 1), new(new DateOnly(2026, 3, 11), 1, 0)], theirs.Days);
    }

    [SkippableFact]
    public async Task Open_and_closed_are_counted_overall_and_per_category()
    {
        var (guild, admin, staff) = await SceneAsync();

        var all = await (await admin.GetAsync($"{guild.Api}/tickets/statistics/status")).ReadAsync<TicketStatusCountsDto>(HttpStatusCode.OK);
        var theirs = await (await staff.GetAsync($"{guild.Api}/tickets/statistics/status")).ReadAsync<TicketStatusCountsDto>(HttpStatusCode.OK);

        Assert.Equal((1, 5), (all.Open, all.Closed));
        Assert.Equal(
            new[] { new CategoryStatusCountsDto(guild.Categories[0], 0, 3), new CategoryStatusCountsDto(guild.Categories[1], 1, 2) }.OrderBy(c => c.CategoryId),
            all.PerCategory);
        Assert.Equal((1, 2), (theirs.Open, theirs.Closed));
        Assert.Equal([new CategoryStatusCountsDto(guild.Categories[1], 1, 2)], theirs.PerCategory);
    }

    [SkippableFact]
    public async Task First_response_and_resolution_times_have_exact_medians_and_averages_overall_per_staff_and_per_category()
    {
        var (guild, admin, _) = await SceneAsync();

        var times = await (await admin.GetAsync($"{guild.Api}/tickets/statistics/response-times?{Period}")).ReadAsync<ResponseTimesDto>(HttpStatusCode.OK);

        Assert.Equal(new DurationDto(3, 1200, 1800), times.FirstResponse);
        Assert.Equal(new DurationDto(4, 7200, 27450), times.Resolution);
        Assert.Equal(
            [new StaffResponseTimesDto(StaffA, new(2, 600, 900), new(2, 7200, 10800)), new StaffResponseTimesDto(StaffB, new(1, 3600, 3600), new(1, 86400, 86400))],
            times.PerStaff);
        Assert.Equal(
            new[]
            {
                new CategoryResponseTimesDto(guild.Categories[0], new(2, 600, 900), new(3, 14400, 36000)),
                new CategoryResponseTimesDto(guild.Categories[1], new(1, 3600, 3600), new(1, 1800, 1800)),
            }.OrderBy(c => c.CategoryId),
            times.PerCategory);
    }

    [SkippableFact]
    public async Task Ratings_have_their_distribution_and_averages_overall_per_staff_and_per_category()
    {
        var (guild, admin, staff) = await SceneAsync();

        var ratings = await (await admin.GetAsync($"{guild.Api}/tickets/statistics/ratings?{Period}")).ReadAsync<TicketRatingsDto>(HttpStatusCode.OK);
        var theirs = await (await staff.GetAsync($"{guild.Api}/tickets/statistics/ratings?{Period}")).ReadAsync<TicketRatingsDto>(HttpStatusCode.OK);

        Assert.Equal(new RatingSummaryDto(4, 3.25), ratings.Overall);
        Assert.Equal([1, 0, 1, 1, 1], ratings.Distribution);
        Assert.Equal([new StaffRatingsDto(StaffA, new(2, 4)), new StaffRatingsDto(StaffB, new(1, 4))], ratings.PerStaff);
        Assert.Equal(
            new[] { new CategoryRatingsDto(guild.Categories[0], new(3, 4)), new CategoryRatingsDto(guild.Categories[1], new(1, 1)) }.OrderBy(c => c.CategoryId),
            ratings.PerCategory);
        Assert.Equal(new RatingSummaryDto(1, 1), theirs.Overall);
        Assert.Equal([1, 0, 0, 0, 0], theirs.Distribution);
    }

    [SkippableTheory]
    [InlineData("volume", "from=2026-03-11&to=2026-03-10")]
    [InlineData("response-times", "from=2025-01-01&to=2026-01-02")]
    [InlineData("ratings", "from=2026-03-10")]
    [InlineData("volume", "from=10.03.2026&to=2026-03-11")]
    public async Task Bad_periods_are_problems(string statistic, string period)
    {
        var (guild, admin, _) = await SceneAsync();

        await (await admin.GetAsync($"{guild.Api}/tickets/statistics/{statistic}?{period}")).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [SkippableFact]
    public async Task Members_without_a_staff_role_see_zeros_and_other_guilds_admins_are_refused()
    {
        var (guild, _, _) = await SceneAsync();
        var api = await fixture.HostAsync();
        using var member = api.ClientFor(TestCaller.StaffOf(guild.Id, 123_456));
        using var stranger = api.ClientFor(TestCaller.AdminOf(GuildIds.Next()));

        var ratings = await (await member.GetAsync($"{guild.Api}/tickets/statistics/ratings?{Period}")).ReadAsync<TicketRatingsDto>(HttpStatusCode.OK);

        Assert.Equal(new RatingSummaryDto(0, null), ratings.Overall);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"{guild.Api}/tickets/statistics/status")).StatusCode);
    }

    /// <returns>A fresh guild, its admin, and staff of its second category only.</returns>
    private async Task<(SeededGuild Guild, HttpClient Admin, HttpClient Staff)> SceneAsync()
    {
        var api = await fixture.HostAsync();
        var guild = await CreateAsync(api, 2, Tickets);
        return (guild, api.ClientFor(guild.Admin), api.ClientFor(guild.StaffOf(1)));
    }
}

public sealed class TicketStatisticsOnSqlite(SqliteApi fixture) : TicketStatisticsTests(fixture), IClassFixture<SqliteApi>;

public sealed class TicketStatisticsOnMariaDb(MariaDbApi fixture) : TicketStatisticsTests(fixture), IClassFixture<MariaDbApi>;
