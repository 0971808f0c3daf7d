using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace TicketSaas.Modules.Identity.Accounts;

/// <summary>
/// What we hand to browsers or keep at rest encrypted with the host's Data Protection keys: the login state (so a login
/// in progress stores nothing) and users' Discord access tokens (so a copy of the database cannot act as our users).
/// </summary>
internal sealed class Secrets(IDataProtectionProvider protection)
{
    public static readonly TimeSpan LoginLifetime = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _accessTokens = protection.CreateProtector("TicketSaas.Identity.DiscordAccessToken");
    private readonly ITimeLimitedDataProtector _loginStates = protection.CreateProtector("TicketSaas.Identity.LoginState").ToTimeLimitedDataProtector();

    public string ProtectAccessToken(string accessToken) => _accessTokens.Protect(accessToken);

    /// <summary>Null when the keys that protected it are gone (another key ring, or rotated out).</summary>
    public string? UnprotectAccessToken(string protectedToken) => Unprotect(_accessTokens, protectedToken);

    /// <summary>The state and PKCE verifier of one login attempt, readable for <see cref="LoginLifetime"/>.</summary>
    public string ProtectLoginState(LoginState login) => _loginStates.Protect($"{login.State} {login.CodeVerifier}", LoginLifetime);

    /// <summary>Null when expired, forged, or absent.</summary>
    public LoginState? UnprotectLoginState(string? protectedState) =>
        protectedState is not null && Unprotect(_loginStates, protectedState)?.Split(' ') is [var state, var verifier]
            ? new LoginState(state, verifier)
            : null;

    private static string? Unprotect(IDataProtector protector, string protectedText)
    {
        try
        {
            return protector.Unprotect(protectedText);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

internal sealed record LoginState(string State, string CodeVerifier);
