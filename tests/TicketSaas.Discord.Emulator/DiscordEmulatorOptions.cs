using TicketSaas.Discord.Emulator.RateLimiting;

namespace TicketSaas.Discord.Emulator;

public enum SpecCheckMode
{
    /// <summary>A request that breaks Discord's spec is recorded and refused (400 with the reasons, 404 or 405).</summary>
    Reject,

    /// <summary>Recorded only; the request is then handled as Discord would.</summary>
    Record,

    /// <summary>No spec check (the spec file is not read).</summary>
    Off,
}

public sealed class DiscordEmulatorOptions
{
    /// <summary>The primary bot, created at start (more can be added with <c>State.AddBot</c>).</summary>
    public string BotName { get; set; } = "TicketSaas";

    /// <summary>The primary bot's token; a random one when null.</summary>
    public string? BotToken { get; set; }

    public bool HasMessageContentIntent { get; set; }

    /// <summary>Without GUILD_MEMBERS, listing a guild's members answers 50001 Missing Access, as on Discord.</summary>
    public bool HasGuildMembersIntent { get; set; } = true;

    public RateLimitOptions RateLimits { get; } = new();

    public SpecCheckMode SpecCheck { get; set; } = SpecCheckMode.Reject;

    /// <summary>Discord's OpenAPI document; null reads it from the shared reference data.</summary>
    public string? SpecPath { get; set; }

    /// <summary>Where signed interactions are POSTed (the application's "Interactions Endpoint URL"); settable later too.</summary>
    public Uri? InteractionsEndpoint { get; set; }

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How long a nonce sent with <c>enforce_nonce</c> dedupes ("the past few minutes" in Discord's docs).</summary>
    public TimeSpan NonceWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a signed attachment URL works (Discord: about 24 hours).</summary>
    public TimeSpan CdnLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>OAuth2 redirect URIs registered for the application: authorize and token accept only these.</summary>
    public IList<string> OAuthRedirectUris { get; } = [];

    /// <summary>What GET /gateway/bot hands out; null hands out the emulator's own gateway (ws://127.0.0.1:{port}/gateway).</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>The shard count GET /gateway/bot recommends; identifying with fewer closes with 4011 (sharding required).</summary>
    public int GatewayShards { get; set; } = 1;

    /// <summary>Sent in HELLO. Discord sends 41250 ms; tests use a fraction of a second.</summary>
    public TimeSpan GatewayHeartbeatInterval { get; set; } = TimeSpan.FromMilliseconds(41250);

    /// <summary>session_start_limit.max_concurrency of GET /gateway/bot: identify buckets per 5 seconds.</summary>
    public int GatewayMaxConcurrency { get; set; } = 1;
}
