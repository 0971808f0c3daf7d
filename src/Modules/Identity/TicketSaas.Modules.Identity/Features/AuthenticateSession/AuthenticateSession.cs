using MediatR;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Identity.Accounts;
using TicketSaas.Modules.Identity.Persistence;

namespace TicketSaas.Modules.Identity.Features.AuthenticateSession;

/// <summary>The caller behind a session cookie, for the API host's authentication; null when the session is unknown, expired or revoked.</summary>
public sealed record AuthenticateSessionQuery(string SessionToken) : IQuery<SessionCallerDto?>;

/// <summary>What the claims of ADR 0004 are made of, as the last refresh left them.</summary>
public sealed record SessionCallerDto(
    ulong UserId, bool IsPlatformAdmin, IReadOnlyList<ulong> ManagedGuilds, IReadOnlyList<GuildRoleDto> Roles, string AntiforgeryHash)
{
    /// <summary>True when <paramref name="token"/> is this session's antiforgery token.</summary>
    public bool AcceptsAntiforgeryToken(string? token) => !string.IsNullOrEmpty(token) && SessionTokens.SameHash(token, AntiforgeryHash);
}

public sealed record GuildRoleDto(ulong GuildId, ulong RoleId);

internal sealed class AuthenticateSessionQueryHandler(IdentityDbContext db, PlatformAdminOptions platformAdmins, TimeProvider clock)
    : IRequestHandler<AuthenticateSessionQuery, SessionCallerDto?>
{
    public async Task<SessionCallerDto?> Handle(AuthenticateSessionQuery query, CancellationToken cancellationToken)
    {
        var hash = SessionTokens.Hash(query.SessionToken);
        var now = clock.GetUtcNow();
        var session = await db.Sessions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.TokenHash == hash && s.RevokedAt == null && s.ExpiresAt > now, cancellationToken);
        if (session is null)
        {
            return null;
        }

        var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == session.UserId).ToListAsync(cancellationToken);
        var isPlatformAdmin = platformAdmins.PlatformAdmins.Contains(session.UserId)
            || await db.PlatformAdmins.AnyAsync(a => a.UserId == session.UserId, cancellationToken);
        return new SessionCallerDto(
            session.UserId,
            isPlatformAdmin,
            [.. memberships.Where(m => m.Manages).Select(m => m.GuildId)],
            [.. memberships.SelectMany(m => m.RoleIds.Select(role => new GuildRoleDto(m.GuildId, role)))],
            session.AntiforgeryHash);
    }
}
