using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TicketSaas.BuildingBlocks.Discord.Gateway;
using TicketSaas.BuildingBlocks.Discord.Rest;
using TicketSaas.Discord.Emulator;
using TicketSaas.Discord.Emulator.Gateway;
using EmulatedChannel = TicketSaas.Discord.Emulator.State.DiscordChannel;
using EmulatedGuild = TicketSaas.Discord.Emulator.State.DiscordGuild;
using EmulatedPermissions = TicketSaas.Discord.Emulator.State.Permissions;
using EmulatedUser = TicketSaas.Discord.Emulator.State.DiscordUser;

namespace TicketSaas.Discord.GatewayTests;

/// <summary>
/// An emulator with a short heartbeat interval and one guild, and a gateway client (one shard) running against it
/// that records every dispatch.
/// </summary>
public sealed class GatewayScene : IAsyncDisposable
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMilliseconds(400);

    private readonly ServiceProvider _services;
    private readonly CancellationTokenSource _stop = new();

    private GatewayScene(DiscordEmulator emulator, ServiceProvider services)
    {
        Emulator = emulator;
        _services = services;
        Owner = emulator.State.AddUser("owner");
        Guild = emulator.State.AddGuild("Support", Owner.Id, emulator.Bot);

        // What the support desk's bot is granted: locking ticket threads needs MANAGE_THREADS beyond @everyone's defaults.
        var botRole = emulator.State.AddRole(Guild.Id, "Ticket bot", EmulatedPermissions.ManageThreads);
        emulator.State.SetMemberRoles(Guild.Id, emulator.Bot.ApplicationId, botRole.Id);
        Channel = emulator.State.AddTextChannel(Guild.Id, "tickets");
        Rest = services.GetRequiredService<DiscordRestClient>();
    }

    public DiscordEmulator Emulator { get; }
    public DiscordRestClient Rest { get; }
    public EmulatedUser Owner { get; }
    public EmulatedGuild Guild { get; }
    public EmulatedChannel Channel { get; }
    public EventRecorder Events { get; } = new();

    /// <summary>Completes when the client stops: faulted with <see cref="DiscordGatewayException"/> on a fatal close.</summary>
    public Task Running { get; private set; } = Task.CompletedTask;

    public GatewayServer Gateway => Emulator.Gateway;

    public static async Task<GatewayScene> StartAsync(Action<DiscordEmulatorOptions>? configureEmulator = null)
    {
        var options = new DiscordEmulatorOptions { GatewayHeartbeatInterval = HeartbeatInterval, HasMessageContentIntent = true };
        configureEmulator?.Invoke(options);
        var emulator = await DiscordEmulator.StartAsync(options);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:BotToken"] = emulator.Bot.Token,
            ["Discord:Rest:BaseAddress"] = emulator.ApiBaseUri.ToString(),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddDiscordRest(configuration.GetSection("Discord"));
        return new GatewayScene(emulator, services.BuildServiceProvider());
    }

    /// <summary>Starts the client; <paramref name="configure"/> may change its options (token, intents …).</summary>
    public void StartClient(Action<DiscordGatewayOptions>? configure = null)
    {
        var options = new DiscordGatewayOptions
        {
            BotToken = Emulator.Bot.Token,
            IdentifyInterval = TimeSpan.FromMilliseconds(100),
            ReconnectDelay = TimeSpan.FromMilliseconds(50),
            InvalidSessionDelay = TimeSpan.FromMilliseconds(20),
        };
        configure?.Invoke(options);
        var client = new DiscordGatewayClient(options, Rest.GetGatewayBotAsync, Events, TimeProvider.System,
            _services.GetRequiredService<ILoggerFactory>());
        Running = Task.Run(() => client.RunAsync(_stop.Token));
    }

    /// <summary>
    /// A host wired as a bot host runs gateway mode (AddDiscordGateway over configuration), pointed at the emulator;
    /// <paramref name="register"/> adds its handlers, <paramref name="settings"/> more configuration. Not started.
    /// </summary>
    public IHost BuildHost(Action<IServiceCollection> register, ILoggerProvider? logs = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:BotToken"] = Emulator.Bot.Token,
            ["Discord:Rest:BaseAddress"] = Emulator.ApiBaseUri.ToString(),
            ["Discord:Gateway:IdentifyInterval"] = "00:00:00.1",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        builder.Services.AddDiscordGateway(builder.Configuration.GetSection("Discord"));
        register(builder.Services);
        return builder.Build();
    }

    public int Count(GatewayLogKind kind) => Gateway.Log.Count(entry => entry.Kind == kind);

    /// <summary>Waits until the emulator's gateway log satisfies <paramref name="condition"/>.</summary>
    public Task WaitForLogAsync(Func<IReadOnlyList<GatewayLogEntry>, bool> condition, string what) =>
        Eventually.WaitAsync(() => condition(Gateway.Log), what);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
