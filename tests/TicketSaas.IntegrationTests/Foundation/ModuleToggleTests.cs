using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Foundation;

public sealed class ModuleToggleTests
{
    [Fact]
    public async Task A_module_switched_off_serves_no_endpoints_and_is_left_out_of_readiness()
    {
        await using var api = await ApiHost.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string>
        {
            ["Modules:billing:Enabled"] = "false",
        });
        var guild = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));

        var plans = await client.GetAsync("/api/v1/plans");
        var ready = await (await client.GetAsync("/health/ready")).ReadAsync<JsonElement>(HttpStatusCode.OK);
        var category = await client.PostAsJsonAsync($"/api/v1/guilds/{guild}/categories", new { name = "Support", namingScheme = "s-{number}" });

        await plans.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.False(ready.GetProperty("modules").TryGetProperty("billing", out _));
        Assert.Equal(HttpStatusCode.Created, category.StatusCode);
        Assert.Equal(0, await api.Database.ScalarAsync(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'billing%'"));
    }
}
