extern alias api;
extern alias bot;
using System.Globalization;
using TicketSaas.Discord.Emulator;
using TicketSaas.Discord.Emulator.RateLimiting;
using TicketSaas.Testing;

namespace TicketSaas.LoadTests;

/// <summary>
/// The product as deployed, against the Discord emulator: the API host (which the guilds are configured through)
/// and the bot host as built child processes on one database, the emulator in this process sending the interactions.
/// </summary>
internal sealed class ProductScene : IAsyncDisposable
{
    /// <summary>Guilds are configured a few at a time: the API host's Discord calls share the bot's rate limits.</summary>
    private const int SeedingParallelism = 4;

    private readonly DiscordEmulatorOptions _options;
    private readonly TestDatabase _database;

    private ProductScene(DiscordEmulator emulator, DiscordEmulatorOptions options, TestDatabase database)
    {
        Emulator = emulator;
        _options = options;
        _database = database;
    }

    public DiscordEmulator Emulator { get; }

    public ChildProcess Api { get; private set; } = null!;

    public ChildProcess? Bot { get; private set; }

    public IReadOnlyList<LoadGuild> Guilds { get; private set; } = [];

    /// <summary>The rate limits the emulator enforces.</summary>
    public RateLimitOptions Limits => _options.RateLimits;

    public string BotToken => Emulator.Bot.Token;

    /// <summary>The built bot host's entry assembly.</summary>
    public static string BotHostAssembly => typeof(bot::Program).Assembly.Location;

    /// <param name="openers">Per guild, how many members will each submit the form once.</param>
    public static async Task<ProductScene> StartAsync(DatabaseKind kind, IReadOnlyList<int> openers)
    {
        var options = new DiscordEmulatorOptions();
        var emulator = await DiscordEmulator.StartAsync(options);
        var scene = new ProductScene(emulator, options, await TestDatabase.CreateAsync(kind));
        try
        {
            await scene.StartAsync(openers);
        }
        catch
        {
            await scene.DisposeAsync();
            throw;
        }

        return scene;
    }

    /// <summary>Stops the bot host, and with it the openings it still had queued, before the baseline is measured.</summary>
    public async Task StopBotAsync()
    {
        if (Bot is not null)
        {
            await Bot.DisposeAsync();
            Bot = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopBotAsync();
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        await Emulator.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task StartAsync(IReadOnlyList<int> openers)
    {
        var discord = new Dictionary<string, string>(_database.Settings)
        {
            ["Discord:BotToken"] = Emulator.Bot.Token,
            ["Discord:ApplicationId"] = Emulator.Bot.ApplicationId.ToString(CultureInfo.InvariantCulture),
            ["Discord:Rest:BaseAddress"] = Emulator.ApiBaseUri.ToString(),
        };
        Api = await ChildProcess.StartAsync("API host", typeof(api::Program).Assembly.Location,
            new Dictionary<string, string>(discord) { ["Authentication:DevelopmentHeaders"] = "true" });

        using (var admin = new AdminApi(Api.BaseAddress))
        {
            var guilds = new LoadGuild[openers.Count];
            await Parallel.ForAsync(0, guilds.Length, new ParallelOptions { MaxDegreeOfParallelism = SeedingParallelism }, async (i, _) =>
                guilds[i] = await LoadGuild.SeedAsync(Emulator.State, Emulator.Bot, admin, i, openers[i]));
            Guilds = guilds;
        }

        // Started after the configuration is written, so the bot host reads it once instead of hearing of each change.
        Bot = await ChildProcess.StartAsync("bot host", BotHostAssembly, new Dictionary<string, string>(discord)
        {
            ["Discord:PublicKey"] = Emulator.PublicKeyHex,
            ["Discord:Interactions:Enabled"] = "true",
        });
    }
}
