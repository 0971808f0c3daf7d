using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Infrastructure.Web.Authentication;
using TicketSaas.Modules.Identity;
using TicketSaas.Modules.Identity.Features.AuthenticateSession;

namespace TicketSaas.Host.Api.Modules.Identity;

/// <summary>
/// Who calls the API: a browser by the session cookie Identity issued at login (ADR 0013), or, in development and tests
/// only, the X-Dev-* headers (ADR 0004). Either way the caller is the claims of ADR 0004, so policies do not care which.
/// </summary>
internal static class SessionAuthentication
{
    private const string CallerScheme = "Caller";

    public static void AddTicketSaasAuthentication(this WebApplicationBuilder builder)
    {
        var developmentHeaders = builder.Configuration.GetValue("Authentication:DevelopmentHeaders", false);
        builder.Services.AddAuthentication(CallerScheme)
            .AddPolicyScheme(CallerScheme, "Session cookie, or development headers when enabled", options =>
                options.ForwardDefaultSelector = http => developmentHeaders && http.Request.Headers.ContainsKey("X-Dev-User")
                    ? DevelopmentHeadersHandler.SchemeName
                    : SessionAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null)
            .AddScheme<DevelopmentHeadersOptions, DevelopmentHeadersHandler>(DevelopmentHeadersHandler.SchemeName,
                options => options.Enabled = developmentHeaders);
    }

    /// <summary>
    /// A cookie rides along with any request the browser sends, a forged one from another site included; an unsafe
    /// request authenticated by it must also show the session's antiforgery token, which only our own pages can read.
    /// </summary>
    public static void UseSessionAntiforgery(this WebApplication app) => app.Use(async (http, next) =>
    {
        var method = http.Request.Method;
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
        if (!safe && http.Features.Get<SessionCallerDto>() is { } session
            && !session.AcceptsAntiforgeryToken(http.Request.Headers[IdentityModule.AntiforgeryHeader]))
        {
            await Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden.",
                detail: $"A request that changes something must carry the session's antiforgery token in the {IdentityModule.AntiforgeryHeader} header.",
                extensions: new Dictionary<string, object?> { ["code"] = "identity.antiforgery" }).ExecuteAsync(http);
            return;
        }

        await next(http);
    });
}

/// <summary>Reads the session cookie; the session's claims come from Identity, as its last refresh left them.</summary>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IMediator mediator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DiscordSession";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Cookies[IdentityModule.SessionCookie] is not { Length: > 0 } token)
        {
            return AuthenticateResult.NoResult();
        }

        if (await mediator.Send(new AuthenticateSessionQuery(token), Context.RequestAborted) is not { } session)
        {
            return AuthenticateResult.Fail("The session is unknown, expired or revoked: log in again.");
        }

        Context.Features.Set(session);
        var claims = new List<Claim> { new(CallerClaimTypes.UserId, Id(session.UserId)) };
        if (session.IsPlatformAdmin)
        {
            claims.Add(new Claim(CallerClaimTypes.PlatformAdmin, "true"));
        }

        claims.AddRange(session.ManagedGuilds.Select(guild => new Claim(CallerClaimTypes.ManagedGuild, Id(guild))));
        claims.AddRange(session.Roles.Select(role => new Claim(CallerClaimTypes.GuildRole, $"{Id(role.GuildId)}:{Id(role.RoleId)}")));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private static string Id(ulong snowflake) => snowflake.ToString(CultureInfo.InvariantCulture);
}
