using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Application.Paging;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Transcripts.Features.SearchTranscripts;
using TicketSaas.Modules.Transcripts.Persistence;
using TicketSaas.Testing;
using static TicketSaas.IntegrationTests.Transcripts.Query.TranscriptSeeds;

namespace TicketSaas.IntegrationTests.Transcripts.Query;

/// <summary>
/// The list and its filtered searches read their guild's rows through the index made for them, in the order the page
/// wants, on both databases: the SQL the handler runs is explained, not a copy of it. Filters without an index of their
/// own (dates, close reason, staff who wrote, words of the messages) narrow what the guild's index yields, newest first,
/// so a page stops reading once it is full.
/// </summary>
public abstract class TranscriptPlanTests(TranscriptsApi fixture)
{
    private const string ByGuild = "ix_transcripts_transcript_guild_id_closed_at_id";
    private const string ByOpener = "ix_transcripts_transcript_guild_id_opener_id_closed_at_id";
    private const string ByCategory = "ix_transcripts_transcript_guild_id_category_id_closed_at_id";
    private const string ByRating = "ix_transcripts_transcript_guild_id_rating_closed_at_id";
    private static readonly Guid[] Categories = [.. Enumerable.Range(1, 5).Select(i => Guid.Parse($"0b6f4c1e-0000-4000-8000-00000000010{i}"))];

    [SkippableFact]
    public async Task The_list_and_every_filter_and_the_full_text_search_use_their_index_without_a_scan_or_sort()
    {
        var api = await fixture.HostAsync();
        // Enough guilds and rows that MariaDB's optimizer, given statistics, has reason to prefer an index.
        var guilds = Enumerable.Range(0, 20).Select(_ => GuildIds.Next()).ToList();
        var seeds = guilds.SelectMany(guild => Enumerable.Range(0, 60).Select(i => new TranscriptSeed(guild)
        {
            OpenerId = 610_000_000_000_000_100 + (ulong)(i % 12),
            CategoryId = Categories[i % Categories.Length],
            Rating = i % 6 == 0 ? null : (i % 5) + 1,
            ClosedAt = Now.AddMinutes(-i),
            CloseReason = i % 3 == 0 ? "Refund sent" : null,
            WithDocument = false,
        })).ToList();
        await api.SeedAsync(seeds);
        if (fixture.Kind == DatabaseKind.MariaDb)
        {
            await api.Database.ColumnAsync("ANALYZE TABLE transcripts_transcript");
        }

        var guild = guilds[7];
        var cursor = new KeysetCursor(Now.AddMinutes(-10), seeds[guilds.IndexOf(guild) * 60 + 10].Id).ToString();
        var searches = new (string Name, SearchTranscriptsQuery Query, ulong[]? StaffRoles, string Index)[]
        {
            ("list", new SearchTranscriptsQuery(guild), null, ByGuild),
            ("next page", new SearchTranscriptsQuery(guild, After: cursor), null, ByGuild),
            ("by opener", new SearchTranscriptsQuery(guild, OpenerId: 610_000_000_000_000_103), null, ByOpener),
            ("by category", new SearchTranscriptsQuery(guild, CategoryId: Categories[2]), null, ByCategory),
            ("by rating", new SearchTranscriptsQuery(guild, Rating: 3), null, ByRating),
            ("by opener, next page", new SearchTranscriptsQuery(guild, OpenerId: 610_000_000_000_000_103, After: cursor), null, ByOpener),
            ("staff's list", new SearchTranscriptsQuery(guild), [555_000_000_000_000_001, 555_000_000_000_000_002], ByGuild),
            ("staff's search by opener", new SearchTranscriptsQuery(guild, OpenerId: 610_000_000_000_000_103), [555_000_000_000_000_001], ByOpener),
            ("by date range", new SearchTranscriptsQuery(guild, From: Now.AddMinutes(-40), To: Now.AddMinutes(-5)), null, ByGuild),
            ("by opener and date range", new SearchTranscriptsQuery(guild, OpenerId: 610_000_000_000_000_103, From: Now.AddMinutes(-40)), null, ByOpener),
            ("by close reason", new SearchTranscriptsQuery(guild, Reason: "refund"), null, ByGuild),
            ("by staff who wrote", new SearchTranscriptsQuery(guild, StaffId: 620_000_000_000_000_001), null, ByGuild),
            ("full text", new SearchTranscriptsQuery(guild, Text: "broken screen"), null, ByGuild),
            ("full text, next page", new SearchTranscriptsQuery(guild, Text: "broken screen", After: cursor), null, ByGuild),
            ("full text by category", new SearchTranscriptsQuery(guild, CategoryId: Categories[1], Text: "broken"), null, ByCategory),
            ("staff's full text", new SearchTranscriptsQuery(guild, Text: "broken"), [555_000_000_000_000_001], ByGuild),
        };

        var failures = new List<string>();
        foreach (var (name, query, staffRoles, index) in searches)
        {
            var plan = await ExplainAsync(api, query, staffRoles);
            if (QueryPlans.Problem(plan, index, fixture.Kind) is { } problem)
            {
                failures.Add($"{name}: {problem}\n  {string.Join("\n  ", plan)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task<IReadOnlyList<string>> ExplainAsync(ApiHost api, SearchTranscriptsQuery query, ulong[]? staffRoles)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TranscriptsDbContext>();
        return await QueryPlans.ExplainAsync(db, TranscriptSearch.Page(db, query, staffRoles), fixture.Kind);
    }
}

public sealed class TranscriptPlansOnSqlite(TranscriptsOnSqlite fixture) : TranscriptPlanTests(fixture), IClassFixture<TranscriptsOnSqlite>;

public sealed class TranscriptPlansOnMariaDb(TranscriptsOnMariaDb fixture) : TranscriptPlanTests(fixture), IClassFixture<TranscriptsOnMariaDb>;
