using TicketSaas.BuildingBlocks.Domain;

namespace TicketSaas.Modules.Identity.Domain.Sessions;

/// <summary>
/// A browser's login. The browser holds the session token and the antiforgery token; we keep only their hashes, so a
/// copy of the table opens no session. The user's Discord access token (encrypted) lets the memberships be refreshed.
/// </summary>
public sealed class Session : Entity
{
    private Session(Guid id, string tokenHash, string antiforgeryHash, ulong userId, string protectedAccessToken,
        DateTimeOffset createdAt, DateTimeOffset refreshedAt, DateTimeOffset expiresAt)
    {
        Id = id;
        TokenHash = tokenHash;
        AntiforgeryHash = antiforgeryHash;
        UserId = userId;
        ProtectedAccessToken = protectedAccessToken;
        CreatedAt = createdAt;
        RefreshedAt = refreshedAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }

    /// <summary>SHA-256 of the session token, hex.</summary>
    public string TokenHash { get; private set; }

    /// <summary>SHA-256 of the antiforgery token, hex; unsafe requests must carry the token.</summary>
    public string AntiforgeryHash { get; private set; }

    public ulong UserId { get; private set; }

    public string ProtectedAccessToken { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the user's guilds and roles were last read from Discord for this session.</summary>
    public DateTimeOffset RefreshedAt { get; private set; }

    /// <summary>Never later than the Discord access token's expiry: past it the memberships could not be refreshed.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public static Session Start(string tokenHash, string antiforgeryHash, ulong userId, string protectedAccessToken,
        DateTimeOffset now, DateTimeOffset expiresAt) =>
        new(Guid.CreateVersion7(now), tokenHash, antiforgeryHash, userId, protectedAccessToken, now, now, expiresAt);

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public void Refreshed(DateTimeOffset now) => RefreshedAt = now;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
