namespace TicketSaas.Modules.Identity.Ports;

/// <summary>A Discord user token, good until <see cref="ExpiresAt"/>.</summary>
internal sealed record DiscordGrant(string AccessToken, DateTimeOffset ExpiresAt);

internal sealed record DiscordProfile(ulong Id, string Username, string DisplayName, string? Avatar);

/// <summary>One of the user's guilds; <see cref="Manages"/>: owner, ADMINISTRATOR or MANAGE_GUILD.</summary>
internal sealed record DiscordGuildAccess(ulong GuildId, string Name, bool Manages);

internal sealed record DiscordBotGuild(ulong GuildId, string Name);

/// <summary>What Identity asks Discord: the user's side with their OAuth2 token, members' roles and the bot's guilds with the bot's token.</summary>
internal interface IDiscordAccounts
{
    /// <summary>The authorize page the browser is sent to, for <paramref name="state"/> and the PKCE <paramref name="codeChallenge"/>.</summary>
    Uri AuthorizeUrl(string state, string codeChallenge);

    /// <summary>The link that adds the bot to a guild with exactly the permissions it needs.</summary>
    Uri AddBotUrl(ulong guildId);

    /// <summary>Trades an authorization code; null when Discord refuses it (already used, expired, another login's verifier).</summary>
    Task<DiscordGrant?> RedeemCodeAsync(string code, string codeVerifier, CancellationToken cancellationToken);

    Task<DiscordProfile> GetProfileAsync(string accessToken, CancellationToken cancellationToken);

    /// <summary>Null when Discord no longer honours the token (expired, or the user removed the app).</summary>
    Task<IReadOnlyList<DiscordGuildAccess>?> GetGuildsAsync(string accessToken, CancellationToken cancellationToken);

    /// <summary>The member's role ids; null when the user is not (or no longer) a member, or the bot cannot see the guild.</summary>
    Task<IReadOnlyList<ulong>?> GetRoleIdsAsync(ulong guildId, ulong userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DiscordBotGuild>> GetBotGuildsAsync(CancellationToken cancellationToken);
}
