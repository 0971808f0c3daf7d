using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Identity.Accounts;
using TicketSaas.Modules.Identity.Persistence;

namespace TicketSaas.Modules.Identity.Features.RefreshMemberships;

// Claims come from memberships read at login; a user who loses MANAGE_GUILD or a role on Discord must lose what it
// granted here too. Each interval, every user with a live session whose memberships are older than the interval is read
// again with their own Discord token; a session whose token Discord no longer honours is revoked.

/// <summary>Reads the user's guilds and roles again from Discord. False when no live session of theirs could be refreshed.</summary>
public sealed record RefreshMembershipsCommand(ulong UserId) : ICommand<bool>;

internal sealed class RefreshMembershipsCommandValidator : AbstractValidator<RefreshMembershipsCommand>
{
    public RefreshMembershipsCommandValidator() => RuleFor(c => c.UserId).NotEmpty();
}

internal sealed class RefreshMembershipsCommandHandler(IdentityDbContext db, MembershipSync memberships, Secrets secrets, TimeProvider clock)
    : IRequestHandler<RefreshMembershipsCommand, bool>
{
    public async Task<bool> Handle(RefreshMembershipsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sessions = await db.Sessions
            .Where(s => s.UserId == command.UserId && s.RevokedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.CreatedAt)
            .ToListAsync(cancellationToken);
        foreach (var session in sessions)
        {
            if (secrets.UnprotectAccessToken(session.ProtectedAccessToken) is { } token
                && await memberships.RefreshAsync(command.UserId, token, cancellationToken))
            {
                sessions.ForEach(s => s.Refreshed(now));
                return true;
            }

            session.Revoke(now);
        }

        return false;
    }
}

/// <summary>"Identity:Login:RefreshInterval" (15 minutes by default) on the host's clock.</summary>
internal sealed partial class MembershipRefresh(IServiceScopeFactory scopes, LoginOptions options, TimeProvider clock, ILogger<MembershipRefresh> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.RefreshInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                await RefreshDueAsync(stoppingToken);
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                LogRefreshFailed(failure);
            }
        }
    }

    private async Task RefreshDueAsync(CancellationToken cancellationToken)
    {
        List<ulong> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = clock.GetUtcNow();
            var refreshedBefore = now - options.RefreshInterval;
            due = await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Sessions
                .Where(s => s.RevokedAt == null && s.ExpiresAt > now && s.RefreshedAt <= refreshedBefore)
                .Select(s => s.UserId)
                .Distinct()
                .ToListAsync(cancellationToken);
        }

        foreach (var userId in due)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (!await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RefreshMembershipsCommand(userId), cancellationToken))
                {
                    LogSessionsRevoked(userId);
                }
            }
            catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
            {
                LogUserFailed(failure, userId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing logged-in users' guilds failed; it runs again at the next interval")]
    private partial void LogRefreshFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the guilds of user {UserId} failed; it is tried again at the next interval")]
    private partial void LogUserFailed(Exception exception, ulong userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord no longer honours the tokens of user {UserId}: their sessions were revoked")]
    private partial void LogSessionsRevoked(ulong userId);
}
