using System.Net;
using System.Text.Json;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Plugins;

/// <summary>Plugin folders the host cannot use are refused, each with its reason in the log, and the host serves the rest.</summary>
public sealed class PluginRefusalTests
{
    [Fact]
    public async Task Broken_plugins_are_refused_with_their_reason_and_the_host_serves_everything_else()
    {
        var plugins = Directory.CreateTempSubdirectory("ticketsaas-broken-plugins-").FullName;
        try
        {
            Plant(plugins, "broken-manifest", "{ \"id\": \"broken\", ");
            Plant(plugins, "missing-assembly", Manifest("missing", "TicketSaas.Plugins.Missing.dll", "1.0"));
            Plant(plugins, "future-host", Manifest("future", "TicketSaas.Plugins.Future.dll", "2.0"));
            await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);

            await using var api = await ChildHosts.ApiAsync(database, new Dictionary<string, string> { ["Plugins:Path"] = plugins });
            using var client = api.ClientFor(TestCaller.PlatformAdministrator);
            var ready = await client.GetAsync("/health/ready");
            var admins = await client.GetAsync("/api/v1/admin/platform-admins");

            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal(HttpStatusCode.OK, admins.StatusCode);
            var refusals = api.Output.Where(line => line.Contains("refused", StringComparison.Ordinal)).ToList();
            Assert.Equal(3, refusals.Count);
            Assert.Contains(refusals, line => line.Contains("broken-manifest", StringComparison.Ordinal) && line.Contains("not valid JSON", StringComparison.Ordinal));
            Assert.Contains(refusals, line => line.Contains("missing-assembly", StringComparison.Ordinal) && line.Contains("TicketSaas.Plugins.Missing.dll is missing", StringComparison.Ordinal));
            Assert.Contains(refusals, line => line.Contains("future-host", StringComparison.Ordinal) && line.Contains("built against host API 2.0", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(plugins, recursive: true);
        }
    }

    private static string Manifest(string id, string entryAssembly, string hostApiVersion) =>
        JsonSerializer.Serialize(new { id, version = "1.0.0", entryAssembly, hostApiVersion });

    private static void Plant(string plugins, string folder, string manifest)
    {
        var path = Directory.CreateDirectory(Path.Combine(plugins, folder)).FullName;
        File.WriteAllText(Path.Combine(path, "plugin.json"), manifest);
    }
}
