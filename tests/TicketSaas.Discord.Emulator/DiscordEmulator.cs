using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TicketSaas.Discord.Emulator.Endpoints;
using TicketSaas.Discord.Emulator.Gateway;
using TicketSaas.Discord.Emulator.Http;
using TicketSaas.Discord.Emulator.Interactions;
using TicketSaas.Discord.Emulator.RateLimiting;
using TicketSaas.Discord.Emulator.Spec;
using TicketSaas.Discord.Emulator.State;
using TicketSaas.Testing;

namespace TicketSaas.Discord.Emulator;

/// <summary>
/// Discord's HTTP API (v10), gateway, OAuth2 and CDN, emulated in process on 127.0.0.1 for tests. Point a client at
/// <see cref="ApiBaseUri"/>, seed through <see cref="State"/>, inject faults through <see cref="Faults"/>,
/// read what arrived in <see cref="Requests"/>.
/// </summary>
public sealed class DiscordEmulator : IAsyncDisposable
{
    public const string SpecFile = "discord/discord-openapi.json";

    private readonly WebApplication _app;
    private readonly EmulatorServices _services;

    private DiscordEmulator(WebApplication app, EmulatorServices services, Uri baseUri)
    {
        _app = app;
        _services = services;
        BaseUri = baseUri;
    }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseUri { get; }

    /// <summary>http://127.0.0.1:{port}/api/v10/ — what https://discord.com/api/v10/ is to a real client.</summary>
    public Uri ApiBaseUri => new(BaseUri, DiscordPipeline.ApiPrefix.TrimStart('/') + "/");

    /// <summary>What https://cdn.discordapp.com/ is to a real client.</summary>
    public Uri CdnBaseUri => _services.Cdn.Root;

    /// <summary>The browser's OAuth2 authorize page (https://discord.com/oauth2/authorize).</summary>
    public Uri AuthorizeUri => new(BaseUri, "oauth2/authorize");

    public EmulatorState State => _services.State;

    /// <summary>The bot created at start from the options.</summary>
    public BotApplication Bot => _services.State.Bot(_services.PrimaryBot.ApplicationId);

    public FaultInjector Faults => _services.Faults;

    public RequestLog Requests => _services.Log;

    public OAuthServer OAuth => _services.OAuth;

    public InteractionSender Interactions => _services.Interactions;

    /// <summary>ws://127.0.0.1:{port}/gateway — what wss://gateway.discord.gg is to a real client.</summary>
    public Uri GatewayUri => new($"ws://{BaseUri.Authority}{GatewayServer.Path}");

    /// <summary>The gateway GET /gateway/bot points at (unless <see cref="DiscordEmulatorOptions.GatewayUrl"/> is set).</summary>
    public GatewayServer Gateway => _services.Gateway;

    /// <summary>The Ed25519 public key (hex) that verifies the interactions this emulator signs.</summary>
    public string PublicKeyHex => _services.Interactions.PublicKeyHex;

    public static async Task<DiscordEmulator> StartAsync(DiscordEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DiscordEmulatorOptions();
        var spec = options.SpecCheck == SpecCheckMode.Off ? null : OpenApiSpec.Load(options.SpecPath ?? SharedData.PathOf(SpecFile));
        var time = options.TimeProvider;
        var state = new EmulatorState(time, options.NonceWindow);
        var bot = state.AddBot(options.BotName, options.BotToken, options.HasMessageContentIntent, options.HasGuildMembersIntent);
        var cdn = new CdnLinks(time, options.CdnLinkLifetime);
        var renderer = new Renderer(state, cdn);
        var gateway = new GatewayServer(options, state, renderer);
        var services = new EmulatorServices(
            options,
            state,
            bot,
            new RateLimiter(options.RateLimits, time),
            new FaultInjector(),
            new RequestLog(),
            spec,
            cdn,
            renderer,
            new OAuthServer(bot.ApplicationId, time, options.OAuthRedirectUris),
            new InteractionSender(state, renderer, time, bot, options.InteractionsEndpoint, gateway),
            gateway);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        app.Use((http, next) => GatewayServer.Accepts(http) ? gateway.AcceptAsync(http) : next(http));
        app.UseRouting();
        var pipeline = new DiscordPipeline(services);
        app.Use(pipeline.InvokeAsync);

        var routes = new RouteTable(app);
        ChannelEndpoints.Map(routes, services);
        GuildEndpoints.Map(routes, services);
        UserEndpoints.Map(routes, services);
        InteractionEndpoints.Map(routes, services);
        OAuthAndCdnEndpoints.Map(routes, services);
        var unknown = options.RateLimits.ConfiguredRoutes.Where(r => !routes.Keys.Contains(r)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Rate limits name routes the emulator does not serve: {string.Join(", ", unknown)}", nameof(options));
        }

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var baseUri = new Uri(address.TrimEnd('/') + "/");
        cdn.Bind(baseUri);
        return new DiscordEmulator(app, services, baseUri);
    }

    /// <summary>429s answered to a token (bot, bearer, webhook or interaction), optionally only those of one scope.</summary>
    public int TooManyRequestsCount(string token, RateLimitScope? scope = null) => Requests.TooManyRequestsCount(token, scope);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _services.Interactions.Dispose();
    }
}
