using System.Net;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Api;

/// <summary>Each user and each guild has its own budget of requests: spending one leaves everyone else's intact.</summary>
public sealed class RateLimitTests
{
    private const int Limit = 3;
    private const ulong StaffRole = 555_000_000_000_000_002;

    [Fact]
    public async Task A_user_over_the_limit_gets_429_with_Retry_After_while_another_user_of_the_same_guild_still_passes()
    {
        await using var api = await StartAsync(perUser: Limit, perGuild: 1000);
        var guild = GuildIds.Next();
        using var busy = api.ClientFor(TestCaller.AdminOf(guild, userId: 810_000_000_000_000_001));
        using var calm = api.ClientFor(TestCaller.StaffOf(guild, StaffRole, userId: 810_000_000_000_000_002));

        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync($"/api/v1/guilds/{guild}/categories")).StatusCode);
        }

        await AssertLimitedAsync(await busy.GetAsync($"/api/v1/guilds/{guild}/categories"));
        await AssertLimitedAsync(await busy.GetAsync($"/api/v1/guilds/{GuildIds.Next()}/categories"));
        Assert.Equal(HttpStatusCode.OK, (await calm.GetAsync($"/api/v1/guilds/{guild}/categories")).StatusCode);
    }

    [Fact]
    public async Task A_guild_over_the_limit_gets_429_for_all_its_callers_while_another_guild_still_passes()
    {
        await using var api = await StartAsync(perUser: 1000, perGuild: Limit);
        var guild = GuildIds.Next();
        var other = GuildIds.Next();
        using var admin = api.ClientFor(new TestCaller(820_000_000_000_000_001, ManagedGuilds: [guild, other]));
        using var secondAdmin = api.ClientFor(TestCaller.AdminOf(guild, userId: 820_000_000_000_000_002));

        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await (i % 2 == 0 ? admin : secondAdmin).GetAsync($"/api/v1/guilds/{guild}/categories")).StatusCode);
        }

        await AssertLimitedAsync(await admin.GetAsync($"/api/v1/guilds/{guild}/categories"));
        await AssertLimitedAsync(await secondAdmin.GetAsync($"/api/v1/guilds/{guild}/panels"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/guilds/{other}/categories")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/plans")).StatusCode);
    }

    [Fact]
    public async Task A_refused_write_changes_nothing()
    {
        await using var api = await StartAsync(perUser: 1, perGuild: 1000);
        var guild = GuildIds.Next();
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));
        await admin.PostJsonAsync($"/api/v1/guilds/{guild}/categories", new { name = "First", namingScheme = "a-{number}" });

        await AssertLimitedAsync(await admin.PostAsync($"/api/v1/guilds/{guild}/categories",
            System.Net.Http.Json.JsonContent.Create(new { name = "Second", namingScheme = "b-{number}" })));

        Assert.Equal(1, await api.Database.ScalarAsync($"SELECT COUNT(*) FROM tickets_category WHERE guild_id = {guild}"));
    }

    [Fact]
    public async Task Limits_that_cannot_work_stop_the_host_at_start()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var api = await ApiHost.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string> { ["RateLimits:PerGuild:PermitLimit"] = "0" });
        });

        Assert.Contains("RateLimits", failure.ToString(), StringComparison.Ordinal);
    }

    private static async Task AssertLimitedAsync(HttpResponseMessage response)
    {
        var problem = await response.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("rate-limited", problem.GetProperty("code").GetString());
        var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
    }

    private static Task<ApiHost> StartAsync(int perUser, int perGuild) => ApiHost.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string>
    {
        ["RateLimits:PerUser:PermitLimit"] = perUser.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:PerUser:Window"] = "00:01:00",
        ["RateLimits:PerGuild:PermitLimit"] = perGuild.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:PerGuild:Window"] = "00:01:00",
    });
}
