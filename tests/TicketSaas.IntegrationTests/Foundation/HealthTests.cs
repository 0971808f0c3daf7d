using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Foundation;

public abstract class HealthTests(DatabaseKind kind)
{
    private static readonly string[] AllModules = ["billing", "domains", "identity", "tickets", "transcripts"];

    [SkippableFact]
    public async Task A_fresh_database_starts_the_host_and_every_module_is_ready()
    {
        await using var api = await ApiHost.StartAsync(kind);
        using var client = api.ClientFor(TestCaller.Anonymous);

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var report = await ready.ReadAsync<JsonElement>(HttpStatusCode.OK);
        var modules = report.GetProperty("modules");
        Assert.Equal(AllModules, modules.EnumerateObject().Select(m => m.Name).Order());
        Assert.All(modules.EnumerateObject(), m => Assert.Equal("Healthy", m.Value.GetProperty("status").GetString()));
    }

    [SkippableFact]
    public async Task A_module_whose_database_breaks_makes_readiness_503_naming_that_module()
    {
        await using var billing = await TestDatabase.CreateAsync(kind);
        await using var api = await ApiHost.StartAsync(kind, new Dictionary<string, string>
        {
            ["ConnectionStrings:billing"] = billing.ConnectionString,
        });
        using var client = api.ClientFor(TestCaller.Anonymous);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await BreakAsync(billing);
        var ready = await client.GetAsync("/health/ready");

        var modules = (await ready.ReadAsync<JsonElement>(HttpStatusCode.ServiceUnavailable)).GetProperty("modules");
        Assert.Equal("Unhealthy", modules.GetProperty("billing").GetProperty("status").GetString());
        Assert.Contains("database unreachable", modules.GetProperty("billing").GetProperty("description").GetString());
        Assert.All(modules.EnumerateObject().Where(m => m.Name != "billing"),
            m => Assert.Equal("Healthy", m.Value.GetProperty("status").GetString()));
    }

    /// <summary>Takes the database away under the running host.</summary>
    private static async Task BreakAsync(TestDatabase database)
    {
        if (database.Kind == DatabaseKind.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            // The host's relay keeps polling and may recreate the file between our delete and the folder: try again.
            for (var attempt = 1; ; attempt++)
            {
                SqliteConnection.ClearAllPools();
                foreach (var path in new[] { file, $"{file}-wal", $"{file}-shm" }.Where(File.Exists))
                {
                    File.Delete(path);
                }

                try
                {
                    // A folder where the file was: SQLite can neither open nor recreate it.
                    Directory.CreateDirectory(file);
                    return;
                }
                catch (IOException) when (attempt < 50)
                {
                }
            }
        }

        var builder = new MySqlConnectionStringBuilder(database.ConnectionString);
        var name = builder.Database;
        builder.Database = string.Empty;
        await using var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new MySqlCommand($"DROP DATABASE `{name}`", connection);
        await drop.ExecuteNonQueryAsync();
        MySqlConnection.ClearAllPools();
    }
}

public sealed class HealthOnSqlite() : HealthTests(DatabaseKind.Sqlite);

public sealed class HealthOnMariaDb() : HealthTests(DatabaseKind.MariaDb);
