using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Identity.Accounts;
using TicketSaas.Modules.Identity.Domain.Sessions;
using TicketSaas.Modules.Identity.Domain.Users;
using TicketSaas.Modules.Identity.Persistence;
using TicketSaas.Modules.Identity.Ports;

namespace TicketSaas.Modules.Identity.Features.CompleteLogin;

/// <summary>
/// Discord sent the browser back: with the state we issued (checked against the login cookie) and a code, or with an
/// error. A refused login stores nothing; an accepted one stores the user, their guilds and roles, and a session.
/// </summary>
public sealed record CompleteLoginCommand(string? Code, string? State, string? Error, string? ProtectedState) : ICommand<LoginSessionDto>;

/// <summary>The tokens for the browser's cookies; only their hashes are stored.</summary>
public sealed record LoginSessionDto(string SessionToken, string AntiforgeryToken, DateTimeOffset ExpiresAt);

internal sealed class CompleteLoginCommandValidator : AbstractValidator<CompleteLoginCommand>
{
    public CompleteLoginCommandValidator()
    {
        RuleFor(c => c.ProtectedState).NotEmpty()
            .WithMessage("This browser has no login in progress (or it took longer than 10 minutes): start again at /api/v1/auth/login.");
        RuleFor(c => c.State).NotEmpty().WithMessage("Discord's answer carries no state: start the login again.");
    }
}

internal sealed class CompleteLoginCommandHandler(
    IdentityDbContext db, IDiscordAccounts discord, MembershipSync memberships, Secrets secrets, LoginOptions login, TimeProvider clock)
    : IRequestHandler<CompleteLoginCommand, LoginSessionDto>
{
    public async Task<LoginSessionDto> Handle(CompleteLoginCommand command, CancellationToken cancellationToken)
    {
        var expected = secrets.UnprotectLoginState(command.ProtectedState);
        if (expected is null || !SessionTokens.SameHash(command.State!, SessionTokens.Hash(expected.State)))
        {
            throw Refused("state", "The login state does not match the one this browser started with: start the login again.");
        }

        if (command.Error is { } error)
        {
            throw new ForbiddenException(error == "access_denied"
                ? "You declined to let TicketSaas know who you are on Discord, so you are not logged in."
                : $"Discord refused the login ({error}).", "identity.login-denied");
        }

        if (string.IsNullOrEmpty(command.Code))
        {
            throw Refused("code", "Discord's answer carries no authorization code: start the login again.");
        }

        var grant = await discord.RedeemCodeAsync(command.Code, expected.CodeVerifier, cancellationToken)
            ?? throw Refused("code", "Discord refused the authorization code: it was already used, has expired, or belongs to another login.");
        var profile = await discord.GetProfileAsync(grant.AccessToken, cancellationToken);
        var now = clock.GetUtcNow();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == profile.Id, cancellationToken);
        if (user is null)
        {
            db.Users.Add(User.FirstLogin(profile.Id, profile.Username, profile.DisplayName, profile.Avatar, now));
        }
        else
        {
            user.LoggedIn(profile.Username, profile.DisplayName, profile.Avatar, now);
        }

        if (!await memberships.RefreshAsync(profile.Id, grant.AccessToken, cancellationToken))
        {
            throw new UnavailableException("Discord refused the token it has just issued; please log in again.");
        }

        var sessionToken = SessionTokens.New();
        var antiforgeryToken = SessionTokens.New();
        var expiresAt = Min(now + login.SessionLifetime, grant.ExpiresAt);
        db.Sessions.Add(Session.Start(SessionTokens.Hash(sessionToken), SessionTokens.Hash(antiforgeryToken), profile.Id,
            secrets.ProtectAccessToken(grant.AccessToken), now, expiresAt));
        return new LoginSessionDto(sessionToken, antiforgeryToken, expiresAt);
    }

    private static ValidationException Refused(string field, string message) => new([new ValidationFailure(field, message)]);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}

internal static class CompleteLoginEndpoint
{
    public static void Map(IEndpointRouteBuilder auth) =>
        auth.MapGet("/callback", async (string? code, string? state, string? error, HttpContext http, IMediator mediator, LoginOptions login,
                CancellationToken ct) =>
            {
                var session = await mediator.Send(new CompleteLoginCommand(code, state, error, http.Request.Cookies[LoginCookies.LoginState]), ct);
                LoginCookies.AppendSession(http.Response, session.SessionToken, session.AntiforgeryToken, session.ExpiresAt);
                return Results.Redirect(login.AfterLoginPath);
            })
            .AllowAnonymous()
            .WithName("CompleteLogin")
            .Produces(StatusCodes.Status302Found)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
