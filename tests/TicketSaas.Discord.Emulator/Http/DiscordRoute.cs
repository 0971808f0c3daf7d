namespace TicketSaas.Discord.Emulator.Http;

public enum RouteAuth
{
    /// <summary>"Authorization: Bot {token}".</summary>
    Bot,

    /// <summary>A bot token or an OAuth2 "Bearer {token}".</summary>
    BotOrBearer,

    /// <summary>The URL carries the credential (webhook and interaction tokens), or none is needed (OAuth2, CDN).</summary>
    None,
}

/// <summary>
/// Endpoint metadata: the route's key ("METHOD /template", the template spelled as in Discord's OpenAPI
/// document), how it authenticates, and how it is limited and checked.
/// </summary>
internal sealed record DiscordRoute(string Key, RouteAuth Auth, bool RateLimited, bool GlobalExempt, string? OwnSchema)
{
    /// <summary>Route values that make buckets separate (Discord's "major parameters").</summary>
    public static readonly string[] MajorParameters = ["channel_id", "guild_id", "webhook_id", "webhook_token", "interaction_id", "interaction_token"];
}
