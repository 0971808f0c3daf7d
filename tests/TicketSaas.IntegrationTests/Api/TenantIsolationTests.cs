using System.Net;
using System.Text.Json.Nodes;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Api;

/// <summary>
/// Guild A's admin names guild B's things: for every row of the access table that carries ids, one case per id
/// (guild, category, panel, ticket, transcript, blocklist entry, webhook endpoint) in the path, the query or the body,
/// with that id taken from guild B and the rest from A. Each is refused (403/404; 422 when the id is only in the body,
/// which names something this guild does not have) or, for a read, answers without any of B's data; and no table of any
/// module changes.
/// </summary>
public abstract class TenantIsolationTests(ApiScene scene)
{
    /// <summary>The ids a guild owns in our database; Discord's own ids (roles, channels, users) are not ours to check.</summary>
    private static readonly string[] OwnedIds =
        ["guildId", "categoryId", "otherCategoryId", "panelId", "entryId", "ticketId", "otherTicketId", "transcriptId", "endpointId"];

    public static TheoryData<string> Rules() => [.. AccessRules.All.Where(r => r.Minimum > Access.Anyone).Select(r => r.Key)];

    [SkippableTheory]
    [MemberData(nameof(Rules))]
    public async Task Guild_A_admin_cannot_reach_or_change_guild_B_through_any_id(string endpoint)
    {
        var rule = AccessRules.All.Single(r => r.Key == endpoint);
        var api = await scene.HostAsync();
        var a = await scene.SeedGuildAsync();
        var b = await scene.SeedGuildAsync();
        await api.SettleAsync();
        using var admin = api.ClientFor(TestCaller.AdminOf(a.Id));
        var theirs = b.Ids.Values.ToHashSet();

        foreach (var id in OwnedIds.Where(id => AccessRequests.Describe(rule, a.Ids) != AccessRequests.Describe(rule, a.With(id, b))))
        {
            var mixed = a.With(id, b);
            var before = await api.Database.ChecksumsAsync();
            using var request = AccessRequests.For(rule, mixed);

            var response = await admin.SendAsync(request);

            var body = await response.Content.ReadAsStringAsync();
            var because = $"{rule} with guild B's {id}: {(int)response.StatusCode} {body}";
            var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                || (response.StatusCode == HttpStatusCode.UnprocessableEntity && AccessRequests.Url(rule, mixed) == AccessRequests.Url(rule, a.Ids));
            var readWithoutTheirData = rule.Method == "GET" && response.IsSuccessStatusCode
                && !theirs.Except([b.Ids[id]]).Any(value => body.Contains(value, StringComparison.Ordinal));
            Assert.True(refused || readWithoutTheirData || RefusedEachId(response, body), because);
            var after = await api.Database.ChecksumsAsync();
            Assert.True(before.Count == after.Count && before.All(t => after[t.Key] == t.Value),
                $"{because}; changed: {string.Join(", ", before.Where(t => after.GetValueOrDefault(t.Key) != t.Value).Select(t => t.Key))}");
        }
    }

    /// <summary>A batch (bulk close) answers per id: every id of theirs refused as not found or forbidden.</summary>
    private static bool RefusedEachId(HttpResponseMessage response, string body) =>
        response.IsSuccessStatusCode && JsonNode.Parse(body)?["results"] is JsonArray { Count: > 0 } results
        && results.All(r => (int?)r?["status"] is 403 or 404);
}

public sealed class TenantIsolationOnSqlite(SqliteApiScene scene) : TenantIsolationTests(scene), IClassFixture<SqliteApiScene>;

public sealed class TenantIsolationOnMariaDb(MariaDbApiScene scene) : TenantIsolationTests(scene), IClassFixture<MariaDbApiScene>;
