using System.Net;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Identity;

public sealed class LoginConfigurationTests
{
    [Fact]
    public async Task Without_Discord_settings_a_login_is_refused_with_what_to_configure()
    {
        await using var api = await ApiHost.StartAsync(DatabaseKind.Sqlite);
        using var browser = api.RawClient();

        var problem = await (await browser.GetAsync("/api/v1/auth/login")).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Contains("Identity:Login", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
