using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Foundation;

/// <summary>
/// The built API host as a real process with nothing configured, as the README's run command starts it:
/// SQLite under ./data of its working folder, migrations applied, URL printed.
/// </summary>
public sealed partial class RunCommandTests : IDisposable
{
    private readonly string _workingFolder = Directory.CreateTempSubdirectory("ticketsaas-run-").FullName;

    [Fact]
    public async Task The_host_started_with_defaults_serves_the_api_on_sqlite_and_prints_its_url()
    {
        using var process = StartHost("--urls", "http://127.0.0.1:0");
        try
        {
            var url = await ReadListeningUrlAsync(process);
            using var client = new HttpClient { BaseAddress = new Uri(url) };

            var ready = await client.GetAsync("/health/ready");
            var plans = await client.GetAsync("/api/v1/plans");
            var openApi = await client.GetAsync("/openapi/v1.json");

            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal(HttpStatusCode.OK, plans.StatusCode);
            Assert.Contains("/api/v1/guilds/{guildId}/categories", await openApi.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(_workingFolder, "data", "ticketsaas.db")));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task The_migrate_command_creates_every_module_schema_and_exits()
    {
        using var process = StartHost("migrate");
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(0, process.ExitCode);
        var database = Path.Combine(_workingFolder, "data", "ticketsaas.db");
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name LIKE '%_ef_migrations_history'";
        Assert.Equal(5L, await command.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_workingFolder, recursive: true);
    }

    private Process StartHost(params string[] arguments)
    {
        var hostFolder = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(hostFolder, "TicketSaas.Host.Api.dll"));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(hostFolder);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing from the test run may leak in: the host must work on its own defaults.
        foreach (var variable in new[] { "ConnectionStrings__Default", "Database__Provider", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
        {
            start.Environment.Remove(variable);
        }

        return Process.Start(start)!;
    }

    private static async Task<string> ReadListeningUrlAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
        }

        throw new InvalidOperationException($"The host exited without printing its URL: {await process.StandardError.ReadToEndAsync()}");
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
