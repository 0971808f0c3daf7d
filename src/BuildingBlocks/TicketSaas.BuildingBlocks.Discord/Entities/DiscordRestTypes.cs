namespace TicketSaas.BuildingBlocks.Discord.Entities;

/// <summary>GET /gateway/bot: where to connect, how many shards, and how many identifies are left.</summary>
public sealed class DiscordGatewayBot
{
    public string Url { get; init; } = "";
    public int Shards { get; init; }
    public DiscordSessionStartLimit SessionStartLimit { get; init; } = new();
}

public sealed class DiscordSessionStartLimit
{
    public int Total { get; init; }
    public int Remaining { get; init; }

    /// <summary>Milliseconds until <see cref="Remaining"/> resets.</summary>
    public long ResetAfter { get; init; }
    public int MaxConcurrency { get; init; }
}

/// <summary>The answer of POST /oauth2/token.</summary>
public sealed class DiscordOAuthToken
{
    public string AccessToken { get; init; } = "";
    public string TokenType { get; init; } = "";

    /// <summary>Seconds.</summary>
    public int ExpiresIn { get; init; }
    public string? RefreshToken { get; init; }

    /// <summary>Space-separated scopes granted.</summary>
    public string Scope { get; init; } = "";
}

/// <summary>An authorization code to trade for a token (authorization code grant with PKCE).</summary>
public sealed record DiscordOAuthCodeExchange(
    ulong ClientId, string ClientSecret, string Code, Uri RedirectUri, string CodeVerifier);

/// <summary>One chat-input command (type 1) as registered by a bulk overwrite.</summary>
public sealed class DiscordApplicationCommand
{
    public ulong? Id { get; init; }
    public string Name { get; init; } = "";
    public int Type { get; init; } = 1;
    public string Description { get; init; } = "";
    public IReadOnlyList<DiscordApplicationCommandOption>? Options { get; init; }

    /// <summary>Who may see the command by default; null lets everyone, "0" only administrators.</summary>
    public Permissions? DefaultMemberPermissions { get; init; }
}

public sealed class DiscordApplicationCommandOption
{
    /// <summary>3 = string, 4 = integer, 5 = boolean, 6 = user, 7 = channel, 8 = role …</summary>
    public int Type { get; init; }
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public bool? Required { get; init; }
}
