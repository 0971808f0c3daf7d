using System.Net;
using TicketSaas.IntegrationTests.Support;

namespace TicketSaas.IntegrationTests.Api;

/// <summary>
/// Every endpoint the running app maps (plugin endpoints included) × every kind of caller, against the hand-written
/// access table: below the minimum, anonymous callers get 401 and the others 403 or 404; at or above it, neither.
/// </summary>
public sealed class AuthorizationMatrixTests(SqliteApiScene scene) : IClassFixture<SqliteApiScene>
{
    public static TheoryData<string> Rules() => [.. AccessRules.All.Select(r => r.Key)];

    [Fact]
    public async Task Every_endpoint_of_the_app_has_a_row_in_the_access_table_and_every_row_an_endpoint()
    {
        var api = await scene.HostAsync();
        var mapped = ApiEndpoints.All(api).Select(e => e.Key).ToHashSet();
        var table = AccessRules.All.Select(r => r.Key).ToList();

        var problems = table.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => "twice in the table: " + g.Key)
            .Concat(mapped.Except(table).Select(k => "no row in AccessRules for " + k))
            .Concat(table.Except(mapped).Select(k => "no endpoint for the row " + k))
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Each_caller_gets_the_access_the_table_gives(string endpoint)
    {
        var rule = AccessRules.All.Single(r => r.Key == endpoint);
        var api = await scene.HostAsync();
        var guild = await scene.SeedGuildAsync();

        foreach (var (who, level, caller) in Callers(guild))
        {
            using var client = api.ClientFor(caller);
            using var request = AccessRequests.For(rule, guild.Ids);
            // Headers only: the live-updates stream never ends on its own.
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var status = response.StatusCode;
            var body = response.Content.Headers.ContentType?.MediaType == "text/event-stream" ? "(event stream)" : await response.Content.ReadAsStringAsync();
            var because = $"{rule} as {who}: {(int)status} {body}";

            if (level >= rule.Minimum)
            {
                Assert.True(status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), because);
            }
            else if (level == Access.Anyone)
            {
                Assert.True(status == HttpStatusCode.Unauthorized, because);
            }
            else
            {
                Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, because);
            }
        }
    }

    [Fact]
    public async Task With_public_links_off_the_viewer_ignores_who_asks_and_only_a_view_token_of_the_categorys_staff_or_above_opens_it()
    {
        var api = await scene.HostAsync();
        var guild = await scene.SeedGuildAsync();
        using var admin = api.ClientFor(TestCaller.AdminOf(guild.Id));
        await admin.PutJsonAsync($"/api/v1/guilds/{guild.Id}/transcripts/settings", new { publicLinksEnabled = false, retentionDays = (int?)null });
        var page = $"/t/{guild.Ids["publicId"]}";

        foreach (var (who, level, caller) in Callers(guild))
        {
            using var client = api.ClientFor(caller);
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync(page)).StatusCode, $"{who} opened {page} without a token");

            var issued = await client.PostAsync($"/api/v1/guilds/{guild.Id}/transcripts/{guild.Ids["transcriptId"]}/view-token", null);
            if (level < Access.CategoryStaff)
            {
                Assert.True(issued.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{who} got a view token");
                continue;
            }

            var url = (await issued.ReadAsync<System.Text.Json.JsonElement>(HttpStatusCode.OK)).GetProperty("url").GetString()!;
            using var viewer = api.ClientFor(TestCaller.Anonymous);
            using var replayer = api.ClientFor(TestCaller.Anonymous);
            Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await replayer.GetAsync(url)).StatusCode);
        }
    }

    /// <summary>From nobody to platform admin, each with the highest access it has to the seeded guild.</summary>
    public static IEnumerable<(string Who, Access Level, TestCaller Caller)> Callers(SeededGuild guild) =>
    [
        ("anonymous", Access.Anyone, TestCaller.Anonymous),
        ("admin of another guild", Access.SignedIn, TestCaller.AdminOf(GuildIds.Next(), userId: 800_000_000_000_000_011)),
        ("staff of another category", Access.AnyStaff, TestCaller.StaffOf(guild.Id, guild.OtherStaffRole, userId: 700_000_000_000_000_011)),
        ("staff of the category", Access.CategoryStaff, TestCaller.StaffOf(guild.Id, guild.StaffRole, userId: 700_000_000_000_000_012)),
        ("guild admin", Access.GuildAdmin, TestCaller.AdminOf(guild.Id, userId: 800_000_000_000_000_012)),
        ("platform admin", Access.PlatformAdmin, TestCaller.PlatformAdministrator),
    ];
}
