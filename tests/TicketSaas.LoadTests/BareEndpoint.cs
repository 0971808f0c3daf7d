using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using TicketSaas.BuildingBlocks.Discord.Builders;
using TicketSaas.BuildingBlocks.Discord.Interactions;
using TicketSaas.Testing;

namespace TicketSaas.LoadTests;

/// <summary>
/// The baseline the bot host is compared with: the Discord adapter's own interactions endpoint (the product's
/// signature verifier and body parsing) with one handler that inserts one row and answers with an ephemeral
/// message, in a slim ASP.NET Core app of its own process. Whatever the bot host takes beyond this is the cost of
/// the product's pipeline, modules and queries.
/// </summary>
internal static class BareEndpoint
{
    /// <summary>The command line that makes this executable serve the bare endpoint instead of running the benchmark.</summary>
    public const string Command = "bare-endpoint";

    /// <summary>Serves POST /interactions until stopped; configured like the hosts (Discord:PublicKey, Database:Provider, ConnectionStrings:Default).</summary>
    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        builder.Services.AddDiscordInteractions(builder.Configuration.GetSection("Discord"));
        builder.Services.AddSingleton(new InteractionRows(builder.Configuration));
        builder.Services.AddScoped<IDiscordInteractionHandler, OneRowPerInteraction>();
        await using var app = builder.Build();
        app.MapDiscordInteractions("/interactions");
        await app.Services.GetRequiredService<InteractionRows>().CreateTableAsync();
        await app.StartAsync();
        Console.WriteLine($"bare endpoint listening on {string.Join(", ", app.Urls)}");
        await app.WaitForShutdownAsync();
    }

    /// <summary>Starts this executable as the bare endpoint, on a fresh database of the kind the bot host used.</summary>
    /// <param name="botHost">The bot host's entry assembly: the baseline runs with the same garbage collector.</param>
    public static async Task<Baseline> StartAsync(DatabaseKind kind, string publicKeyHex, string botHost)
    {
        var database = await TestDatabase.CreateAsync(kind);
        try
        {
            var environment = new Dictionary<string, string>(database.Settings)
            {
                ["Discord:PublicKey"] = publicKeyHex,
                ["DOTNET_gcServer"] = UsesServerGc(botHost) ? "1" : "0",
            };
            return new Baseline(await ChildProcess.StartAsync("bare endpoint", typeof(BareEndpoint).Assembly.Location, environment, Command), database);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>The Web SDK turns the server GC on for the hosts unless told otherwise; this executable is not built with it.</summary>
    private static bool UsesServerGc(string entryAssembly)
    {
        var runtimeConfig = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(entryAssembly, ".runtimeconfig.json")));
        return runtimeConfig?["runtimeOptions"]?["configProperties"]?["System.GC.Server"]?.GetValue<bool>() == true;
    }

    internal sealed class Baseline(ChildProcess process, TestDatabase database) : IAsyncDisposable
    {
        public ChildProcess Process => process;

        public async ValueTask DisposeAsync()
        {
            await process.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    private sealed class OneRowPerInteraction(InteractionRows rows) : IDiscordInteractionHandler
    {
        public async ValueTask<DiscordInteractionResponse?> HandleAsync(InteractionCreated interaction, CancellationToken cancellationToken)
        {
            await rows.InsertAsync(interaction.Interaction.Id, cancellationToken);
            return DiscordInteractionResponse.Reply(new DiscordMessageBuilder().WithContent("Noted.").AsEphemeral());
        }
    }

    /// <summary>One table, one insert per interaction, through a pooled connection as the product's DbContexts use.</summary>
    private sealed class InteractionRows(IConfiguration configuration)
    {
        private readonly bool _sqlite = configuration["Database:Provider"] == "Sqlite";
        private readonly string _connectionString = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set.");

        public async Task CreateTableAsync()
        {
            // WAL, as the product's migrator sets it for its SQLite files.
            await ExecuteAsync(_sqlite
                ? "PRAGMA journal_mode=WAL; CREATE TABLE load_interaction (id INTEGER PRIMARY KEY, interaction_id INTEGER NOT NULL, received_at TEXT NOT NULL)"
                : "CREATE TABLE load_interaction (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, interaction_id BIGINT UNSIGNED NOT NULL, received_at DATETIME(6) NOT NULL)",
                CancellationToken.None);
        }

        public Task InsertAsync(ulong interactionId, CancellationToken cancellationToken) =>
            ExecuteAsync("INSERT INTO load_interaction (interaction_id, received_at) VALUES (@id, @at)", cancellationToken,
                ("@id", (long)interactionId), ("@at", DateTime.UtcNow));

        private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
        {
            await using DbConnection connection = _sqlite ? new SqliteConnection(_connectionString) : new MySqlConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
