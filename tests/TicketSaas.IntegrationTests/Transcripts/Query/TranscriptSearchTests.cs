using System.Globalization;
using System.Net;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Transcripts.Features.SearchTranscripts;
using static TicketSaas.IntegrationTests.Transcripts.Query.TranscriptSeeds;

namespace TicketSaas.IntegrationTests.Transcripts.Query;

/// <summary>The transcript list: keyset pages, every filter, staff narrowing and guild isolation, on both databases.</summary>
public abstract class TranscriptSearchTests(TranscriptsApi fixture)
{
    // RoleB's digits begin with RoleA's: only whole-id matching keeps RoleA's staff out of RoleB's transcripts.
    private const ulong RoleA = 55_500_000_000_000_001;
    private const ulong RoleB = 555_000_000_000_000_012;
    private const ulong OpenerOne = 610_000_000_000_000_101;
    private const ulong OpenerTwo = 610_000_000_000_000_102;
    private const ulong StaffOne = 620_000_000_000_000_201;
    private const ulong StaffTwo = 620_000_000_000_000_202;
    private static readonly Guid Billing = Guid.Parse("0b6f4c1e-0000-4000-8000-000000000002");

    public static string ListOf(ulong guild) => $"/api/v1/guilds/{guild}/transcripts";

    [SkippableFact]
    public async Task Pages_walk_the_list_newest_first_without_gaps_or_duplicates_and_ties_are_broken_by_id()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        // Three transcripts per minute: page boundaries fall between equal close times.
        var seeds = Enumerable.Range(0, 13).Select(i => new TranscriptSeed(guild) { TicketNumber = i + 1, ClosedAt = Now.AddMinutes(-(i / 3)) }).ToList();
        await api.SeedAsync([.. seeds, new TranscriptSeed(GuildIds.Next())]);
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));

        var pages = new List<TranscriptPageDto>();
        string? after = null;
        do
        {
            var page = await (await admin.GetAsync($"{ListOf(guild)}?limit=4{(after is null ? "" : $"&after={after}")}")).ReadAsync<TranscriptPageDto>(HttpStatusCode.OK);
            pages.Add(page);
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal([4, 4, 4, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(NewestFirst(seeds), pages.SelectMany(p => p.Items).Select(t => t.Id));
        var first = pages[0].Items[0];
        Assert.Equal((guild, seeds.Single(s => s.Id == first.Id).PublicId, TranscriptSeeds.Opener, "General"),
            (first.GuildId, first.PublicId, first.OpenerId, first.CategoryName));
    }

    [SkippableFact]
    public async Task Each_filter_and_their_combination_select_exactly_the_matching_transcripts()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        var (fire, refund, both, old) = await SeedFourAsync(api, guild);
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));
        var middle = Uri.EscapeDataString(Now.AddDays(-2.5).ToString("O", CultureInfo.InvariantCulture));

        async Task<IEnumerable<Guid>> Ids(string filter) =>
            (await (await admin.GetAsync($"{ListOf(guild)}?{filter}")).ReadAsync<TranscriptPageDto>(HttpStatusCode.OK)).Items.Select(t => t.Id);

        Assert.Equal(NewestFirst([fire, both]), await Ids($"opener={OpenerOne}"));
        Assert.Equal(NewestFirst([refund, both]), await Ids($"staff={StaffTwo}"));
        Assert.Equal(NewestFirst([fire, old]), await Ids($"category={TranscriptSeeds.General}"));
        Assert.Equal(NewestFirst([fire, refund]), await Ids($"from={middle}"));
        Assert.Equal(NewestFirst([both, old]), await Ids($"to={middle}"));
        Assert.Equal(NewestFirst([fire, old]), await Ids("reason=PRINTER"));
        Assert.Equal(NewestFirst([fire, old]), await Ids("rating=5"));
        Assert.Equal(NewestFirst([fire]), await Ids("q=fire"));
        // LIKE's wildcards are searched for literally: unescaped, "100%" would match "1000" and "_thing" "nothing".
        Assert.Equal(NewestFirst([both]), await Ids("q=100%25"));
        Assert.Equal(NewestFirst([both]), await Ids("q=_thing"));
        Assert.Equal(NewestFirst([both]), await Ids($"opener={OpenerOne}&category={Billing}&staff={StaffOne}"));
        Assert.Empty(await Ids($"opener={OpenerTwo}&rating=2&q=hello"));
    }

    [SkippableFact]
    public async Task Staff_see_only_transcripts_of_their_roles_and_no_guild_sees_another()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        var other = GuildIds.Next();
        var (fire, refund, both, _) = await SeedFourAsync(api, guild);
        var elsewhere = await api.SeedAsync(new TranscriptSeed(other) { StaffRoleIds = [RoleA] });

        async Task<TranscriptPageDto> List(TestCaller caller, ulong listed, string filter = "")
        {
            using var client = api.ClientFor(caller);
            return await (await client.GetAsync($"{ListOf(listed)}?{filter}")).ReadAsync<TranscriptPageDto>(HttpStatusCode.OK);
        }

        Assert.Equal(NewestFirst([fire, both]), (await List(TestCaller.StaffOf(guild, RoleA), guild)).Items.Select(t => t.Id));
        Assert.Equal(NewestFirst([refund, both]), (await List(TestCaller.StaffOf(guild, RoleB), guild)).Items.Select(t => t.Id));
        Assert.Empty((await List(TestCaller.StaffOf(guild, 555_000_000_000_000_999), guild)).Items);
        Assert.Empty((await List(TestCaller.StaffOf(guild, RoleA), guild, $"opener={OpenerTwo}")).Items);
        Assert.Equal([elsewhere.Id], (await List(TestCaller.AdminOf(other), other)).Items.Select(t => t.Id));
        Assert.Equal([elsewhere.Id], (await List(TestCaller.PlatformAdministrator, other)).Items.Select(t => t.Id));
        Assert.DoesNotContain(elsewhere.Id, (await List(TestCaller.AdminOf(guild), guild)).Items.Select(t => t.Id));

        using var otherAdmin = api.ClientFor(TestCaller.AdminOf(other));
        using var otherStaff = api.ClientFor(TestCaller.StaffOf(other, RoleA));
        using var anonymous = api.ClientFor(TestCaller.Anonymous);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAdmin.GetAsync(ListOf(guild))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherStaff.GetAsync(ListOf(guild))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(ListOf(guild))).StatusCode);
    }

    [SkippableFact]
    public async Task Bad_paging_and_filters_are_refused_with_the_fields_named()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));

        async Task<IEnumerable<string>> Fields(string filter) =>
            (await (await admin.GetAsync($"{ListOf(guild)}?{filter}")).ReadProblemAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").EnumerateObject().Select(e => e.Name);

        Assert.Equal(["Limit"], await Fields("limit=0"));
        Assert.Equal(["Limit"], await Fields($"limit={SearchTranscriptsQuery.MaxLimit + 1}"));
        Assert.Equal(["Rating"], await Fields("rating=6"));
        Assert.Equal(["After"], await Fields("after=bm90LWEtY3Vyc29y"));
        Assert.Equal(["To"], await Fields($"from={Uri.EscapeDataString(Now.ToString("O", CultureInfo.InvariantCulture))}&to=2020-01-01T00:00:00Z"));
        Assert.Equal(["Text"], await Fields($"q={new string('x', SearchTranscriptsQuery.MaxTextLength + 1)}"));
        var malformed = await (await admin.GetAsync($"{ListOf(guild)}?opener=someone")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("malformed-request", malformed.GetProperty("code").GetString());
        Assert.Empty((await (await admin.GetAsync($"{ListOf(guild)}?limit={SearchTranscriptsQuery.MaxLimit}")).ReadAsync<TranscriptPageDto>(HttpStatusCode.OK)).Items);
    }

    /// <summary>Four transcripts a day apart (the last a week older), each filter picking a different pair.</summary>
    internal static async Task<(TranscriptSeed Fire, TranscriptSeed Refund, TranscriptSeed Both, TranscriptSeed Old)> SeedFourAsync(ApiHost api, ulong guild)
    {
        var seeds = await api.SeedAsync(
        [
            new TranscriptSeed(guild)
            {
                OpenerId = OpenerOne, Rating = 5, CloseReason = "Solved: printer on fire", StaffParticipantIds = [StaffOne], StaffRoleIds = [RoleA],
                ClosedAt = Now.AddDays(-1), Messages = [new SeedMessage(1, OpenerOne, "The printer is on FIRE")],
            },
            new TranscriptSeed(guild)
            {
                OpenerId = OpenerTwo, CategoryId = Billing, CategoryName = "Billing", Rating = 2, CloseReason = "Duplicate",
                StaffParticipantIds = [StaffTwo], StaffRoleIds = [RoleB], ClosedAt = Now.AddDays(-2),
                Messages = [new SeedMessage(2, OpenerTwo, "Refund please, nothing works")],
            },
            new TranscriptSeed(guild)
            {
                OpenerId = OpenerOne, CategoryId = Billing, CategoryName = "Billing", StaffParticipantIds = [StaffOne, StaffTwo],
                StaffRoleIds = [RoleA, RoleB], ClosedAt = Now.AddDays(-3), Messages = [new SeedMessage(3, OpenerOne, "100% sure_thing")],
            },
            new TranscriptSeed(guild)
            {
                OpenerId = OpenerTwo, Rating = 5, CloseReason = "printer fixed", ClosedAt = Now.AddDays(-10),
                Messages = [new SeedMessage(4, OpenerTwo, "hello 1000 times")],
            },
        ]);
        return (seeds[0], seeds[1], seeds[2], seeds[3]);
    }

    internal static IEnumerable<Guid> NewestFirst(IEnumerable<TranscriptSeed> seeds) =>
        seeds.OrderByDescending(s => s.ClosedAt).ThenByDescending(s => s.Id.ToString(), StringComparer.Ordinal).Select(s => s.Id);
}

public sealed class TranscriptSearchOnSqlite(TranscriptsOnSqlite fixture) : TranscriptSearchTests(fixture), IClassFixture<TranscriptsOnSqlite>;

public sealed class TranscriptSearchOnMariaDb(TranscriptsOnMariaDb fixture) : TranscriptSearchTests(fixture), IClassFixture<TranscriptsOnMariaDb>;
