using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Identity.Accounts;
using TicketSaas.Modules.Identity.Ports;

namespace TicketSaas.Modules.Identity.Features.StartLogin;

/// <summary>
/// Where the browser goes to log in with Discord (authorization code with state and PKCE S256), and the protected login
/// state it must bring back in a cookie: nothing is stored until the login completes.
/// </summary>
public sealed record StartLoginQuery : IQuery<LoginChallengeDto>;

public sealed record LoginChallengeDto(Uri AuthorizeUrl, string ProtectedState);

internal sealed class StartLoginQueryHandler(LoginOptions login, IDiscordAccounts discord, Secrets secrets)
    : IRequestHandler<StartLoginQuery, LoginChallengeDto>
{
    public Task<LoginChallengeDto> Handle(StartLoginQuery query, CancellationToken cancellationToken)
    {
        if (!login.Enabled)
        {
            throw new UnavailableException("Discord login is not configured: set Identity:Login:ClientSecret and Identity:Login:RedirectUri.");
        }

        var state = new LoginState(SessionTokens.New(), SessionTokens.New());
        return Task.FromResult(new LoginChallengeDto(
            discord.AuthorizeUrl(state.State, SessionTokens.Challenge(state.CodeVerifier)), secrets.ProtectLoginState(state)));
    }
}

internal static class StartLoginEndpoint
{
    public static void Map(IEndpointRouteBuilder auth) =>
        auth.MapGet("/login", async (HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var challenge = await mediator.Send(new StartLoginQuery(), ct);
                LoginCookies.AppendLoginState(http.Response, challenge.ProtectedState);
                return Results.Redirect(challenge.AuthorizeUrl.ToString());
            })
            .AllowAnonymous()
            .WithName("StartLogin")
            .Produces(StatusCodes.Status302Found);
}
