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

    /// <summary>Who may see the command by default; null lets everyone, "0" only administrators. Server admins can override it.</summary>
    public Permissions? DefaultMemberPermissions { get; init; }

    /// <summary>Global commands only: where the command may be used; null means everywhere.</summary>
    public IReadOnlyList<InteractionContextType>? Contexts { get; init; }
}

/// <summary>
/// An option, or a subcommand with its own options. Discord wants required options listed before optional ones.
/// </summary>
public sealed class DiscordApplicationCommandOption
{
    public ApplicationCommandOptionType Type { get; init; }
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public bool? Required { get; init; }

    /// <summary>A subcommand's options (or a group's subcommands).</summary>
    public IReadOnlyList<DiscordApplicationCommandOption>? Options { get; init; }

    /// <summary>String options: 0–6000 and 1–6000 characters.</summary>
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }

    /// <summary>Channel options: the channel types a member may pick; null allows every type.</summary>
    public IReadOnlyList<ChannelType>? ChannelTypes { get; init; }
}
