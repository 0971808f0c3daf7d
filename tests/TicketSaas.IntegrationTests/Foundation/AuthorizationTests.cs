using System.Net;
using System.Net.Http.Json;
using TicketSaas.IntegrationTests.Support;

namespace TicketSaas.IntegrationTests.Foundation;

/// <summary>The policies every module's endpoints use, from anonymous to platform admin.</summary>
public sealed class AuthorizationTests(SqliteApi fixture) : IClassFixture<SqliteApi>
{
    private const ulong StaffRole = 555_000_000_000_000_001;

    public static TheoryData<string, string, string, HttpStatusCode> Matrix()
    {
        const string guildAdmin = "guild-admin", otherGuildAdmin = "other-guild-admin", staff = "staff";
        const string anonymous = "anonymous", platformAdmin = "platform-admin", member = "member-without-roles";
        return new TheoryData<string, string, string, HttpStatusCode>
        {
            { anonymous, "GET", "/api/v1/guilds/{guild}/categories", HttpStatusCode.Unauthorized },
            { otherGuildAdmin, "GET", "/api/v1/guilds/{guild}/categories", HttpStatusCode.Forbidden },
            { member, "GET", "/api/v1/guilds/{guild}/categories", HttpStatusCode.Forbidden },
            { staff, "GET", "/api/v1/guilds/{guild}/categories", HttpStatusCode.OK },
            { guildAdmin, "GET", "/api/v1/guilds/{guild}/categories", HttpStatusCode.OK },
            { platformAdmin, "GET", "/api/v1/guilds/{guild}/categories", HttpStatusCode.OK },
            { staff, "POST", "/api/v1/guilds/{guild}/categories", HttpStatusCode.Forbidden },
            { guildAdmin, "POST", "/api/v1/guilds/{guild}/categories", HttpStatusCode.Created },
            { otherGuildAdmin, "PUT", "/api/v1/guilds/{guild}/transcripts/settings", HttpStatusCode.Forbidden },
            { staff, "GET", "/api/v1/guilds/{guild}/transcripts/settings", HttpStatusCode.Forbidden },
            { guildAdmin, "PUT", "/api/v1/guilds/{guild}/transcripts/settings", HttpStatusCode.OK },
            { staff, "GET", "/api/v1/guilds/{guild}/domains", HttpStatusCode.Forbidden },
            { guildAdmin, "GET", "/api/v1/guilds/{guild}/domains", HttpStatusCode.OK },
            { anonymous, "GET", "/api/v1/plans", HttpStatusCode.OK },
            { guildAdmin, "PUT", "/api/v1/admin/plans/free", HttpStatusCode.Forbidden },
            { platformAdmin, "PUT", "/api/v1/admin/plans/free", HttpStatusCode.OK },
            { anonymous, "GET", "/api/v1/admin/platform-admins", HttpStatusCode.Unauthorized },
            { guildAdmin, "GET", "/api/v1/admin/platform-admins", HttpStatusCode.Forbidden },
            { platformAdmin, "GET", "/api/v1/admin/platform-admins", HttpStatusCode.OK },
        };
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_caller_gets_exactly_the_access_its_claims_give(string who, string method, string path, HttpStatusCode expected)
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var client = api.ClientFor(who switch
        {
            "anonymous" => TestCaller.Anonymous,
            "guild-admin" => TestCaller.AdminOf(guild),
            "other-guild-admin" => TestCaller.AdminOf(GuildIds.Next()),
            "staff" => TestCaller.StaffOf(guild, StaffRole),
            "member-without-roles" => new TestCaller(600_000_000_000_000_001),
            "platform-admin" => TestCaller.PlatformAdministrator,
            _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
        });
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{guild}", guild.ToString(), StringComparison.Ordinal))
        {
            Content = method == "GET" ? null : JsonContent.Create(BodyFor(path)),
        };

        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    private static object BodyFor(string path) => path switch
    {
        _ when path.EndsWith("/categories", StringComparison.Ordinal) => new { name = "Support", namingScheme = "s-{number}" },
        _ when path.EndsWith("/settings", StringComparison.Ordinal) => new { publicLinksEnabled = false },
        _ => new
        {
            name = "Free", monthlyPriceCents = 0, ticketsPerMonth = 50, retentionDays = 7, panels = 1,
            customBot = false, customDomain = false, whiteLabel = false,
        },
    };
}
