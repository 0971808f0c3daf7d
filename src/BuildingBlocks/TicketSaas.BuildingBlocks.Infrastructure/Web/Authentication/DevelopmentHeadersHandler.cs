using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketSaas.BuildingBlocks.Application.Identity;

namespace TicketSaas.BuildingBlocks.Infrastructure.Web.Authentication;

public sealed class DevelopmentHeadersOptions : AuthenticationSchemeOptions
{
    /// <summary>Off unless <c>Authentication:DevelopmentHeaders</c> is true; never enable it in production.</summary>
    public bool Enabled { get; set; }
}

/// <summary>
/// Stands in for Discord login until the Identity module issues real sessions: the caller's claims come from
/// request headers. <c>X-Dev-User</c> (user id), <c>X-Dev-Platform-Admin: true</c>, <c>X-Dev-Managed-Guilds</c>
/// (comma-separated guild ids), <c>X-Dev-Guild-Roles</c> (comma-separated <c>guildId:roleId</c> pairs).
/// </summary>
public sealed class DevelopmentHeadersHandler(
    IOptionsMonitor<DevelopmentHeadersOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<DevelopmentHeadersOptions>(options, logger, encoder)
{
    public const string SchemeName = "DevelopmentHeaders";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Options.Enabled || !Request.Headers.TryGetValue("X-Dev-User", out var user))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!IsSnowflake(user.ToString()))
        {
            return Task.FromResult(AuthenticateResult.Fail("X-Dev-User must be a Discord user id."));
        }

        var claims = new List<Claim> { new(CallerClaimTypes.UserId, user.ToString()) };
        if (string.Equals(Request.Headers["X-Dev-Platform-Admin"], "true", StringComparison.OrdinalIgnoreCase))
        {
            claims.Add(new Claim(CallerClaimTypes.PlatformAdmin, "true"));
        }

        claims.AddRange(Split("X-Dev-Managed-Guilds").Where(IsSnowflake).Select(id => new Claim(CallerClaimTypes.ManagedGuild, id)));
        claims.AddRange(Split("X-Dev-Guild-Roles")
            .Where(pair => pair.Split(':') is [var guild, var role] && IsSnowflake(guild) && IsSnowflake(role))
            .Select(pair => new Claim(CallerClaimTypes.GuildRole, pair)));

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    private IEnumerable<string> Split(string header) =>
        Request.Headers[header].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsSnowflake(string value) => ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
