using System.Net;
using System.Text;
using TicketSaas.IntegrationTests.Support;
using static TicketSaas.IntegrationTests.Transcripts.Query.TranscriptSeeds;

namespace TicketSaas.IntegrationTests.Transcripts.Query;

/// <summary>The CSV export: every row across pages, RFC 4180 quoting, and no cell a spreadsheet would run.</summary>
public abstract class TranscriptExportTests(TranscriptsApi fixture)
{
    private static string ExportOf(ulong guild) => $"/api/v1/guilds/{guild}/transcripts/export.csv";

    [SkippableFact]
    public async Task The_export_streams_every_matching_transcript_across_pages_with_formula_cells_defused()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        string[] reasons = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1, \"quoted\"", "@SUM(A1)", "-2", "line one\r\nline two", "plain"];
        var special = reasons.Select((reason, i) => new TranscriptSeed(guild)
        {
            CloseReason = reason, CategoryName = "Sales, EU", Rating = 4, ClosedAt = Now.AddMinutes(-i), TicketNumber = i + 1,
            StaffParticipantIds = [620_000_000_000_000_201, 620_000_000_000_000_202],
        }).ToList();
        // More than one page of the search behind the export.
        var plain = Enumerable.Range(0, 101).Select(i => new TranscriptSeed(guild) { ClosedAt = Now.AddDays(-1).AddMinutes(-i), TicketNumber = 100 + i }).ToList();
        await api.SeedAsync([.. special, .. plain, new TranscriptSeed(GuildIds.Next())]);
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));

        var response = await admin.GetAsync(ExportOf(guild));
        var text = await response.Content.ReadAsStringAsync();
        var rows = ParseCsv(text);
        var filtered = ParseCsv(await (await admin.GetAsync($"{ExportOf(guild)}?rating=4&reason=line")).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("transcript_id", rows[0][0]);
        Assert.Equal(TranscriptSearchTests.NewestFirst([.. special, .. plain]).Select(id => id.ToString()), rows.Skip(1).Select(r => r[0]));
        Assert.All(rows, row => Assert.Equal(rows[0].Count, row.Count));
        var reasonColumn = rows[0].IndexOf("close_reason");
        Assert.Equal(["'=HYPERLINK(\"http://evil.example\",\"x\")", "'+1, \"quoted\"", "'@SUM(A1)", "'-2", "line one\r\nline two", "plain"],
            rows.Skip(1).Take(special.Count).Select(r => r[reasonColumn]));
        Assert.Equal("Sales, EU", rows[1][rows[0].IndexOf("category")]);
        Assert.Equal("620000000000000201 620000000000000202", rows[1][rows[0].IndexOf("staff_participant_ids")]);
        Assert.Contains(",\"'+1, \"\"quoted\"\"\",", text, StringComparison.Ordinal);
        Assert.Equal([special[4].Id.ToString()], filtered.Skip(1).Select(r => r[0]));
    }

    [SkippableFact]
    public async Task Only_guild_admins_export_and_bad_filters_get_a_problem_instead_of_a_file()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var staff = api.ClientFor(TestCaller.StaffOf(guild, 555_000_000_000_000_001));
        using var stranger = api.ClientFor(TestCaller.AdminOf(GuildIds.Next()));
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(ExportOf(guild))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(ExportOf(guild))).StatusCode);
        var problem = await (await admin.GetAsync($"{ExportOf(guild)}?rating=9")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Rating", out _));
        Assert.Equal("transcript_id", ParseCsv(await (await admin.GetAsync(ExportOf(guild))).Content.ReadAsStringAsync()).Single()[0]);
    }

    /// <summary>RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold both and double their quotes.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.True(row.Count == 0 && field.Length == 0 && !quoted, "The CSV does not end with a complete record.");
        return rows;
    }
}

public sealed class TranscriptExportOnSqlite(TranscriptsOnSqlite fixture) : TranscriptExportTests(fixture), IClassFixture<TranscriptsOnSqlite>;

public sealed class TranscriptExportOnMariaDb(TranscriptsOnMariaDb fixture) : TranscriptExportTests(fixture), IClassFixture<TranscriptsOnMariaDb>;
