using Microsoft.AspNetCore.Http;

namespace TicketSaas.Modules.Identity.Accounts;

/// <summary>The cookies of a login (ADR 0013). All are Secure; only the antiforgery token is readable by scripts.</summary>
internal static class LoginCookies
{
    public const string LoginState = "__Secure-ticketsaas-login";

    public const string Antiforgery = "__Secure-ticketsaas-csrf";

    public const string CallbackPath = "/api/v1/auth/callback";

    /// <summary>Lax, unlike the others: it must come back on Discord's cross-site redirect to the callback, the only path that sees it.</summary>
    public static void AppendLoginState(HttpResponse response, string protectedState) =>
        response.Cookies.Append(LoginState, protectedState, new CookieOptions
        {
            HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax, Path = CallbackPath, MaxAge = Secrets.LoginLifetime, IsEssential = true,
        });

    public static void AppendSession(HttpResponse response, string sessionToken, string antiforgeryToken, DateTimeOffset expiresAt)
    {
        response.Cookies.Delete(LoginState, new CookieOptions { Secure = true, Path = CallbackPath });
        response.Cookies.Append(IdentityModule.SessionCookie, sessionToken, SessionOptions(expiresAt, httpOnly: true, "/api"));

        // The panel's scripts read it and echo it in the antiforgery header; another site can neither read it nor set it.
        response.Cookies.Append(Antiforgery, antiforgeryToken, SessionOptions(expiresAt, httpOnly: false, "/"));
    }

    public static void DeleteSession(HttpResponse response)
    {
        response.Cookies.Delete(IdentityModule.SessionCookie, SessionOptions(null, httpOnly: true, "/api"));
        response.Cookies.Delete(Antiforgery, SessionOptions(null, httpOnly: false, "/"));
    }

    private static CookieOptions SessionOptions(DateTimeOffset? expiresAt, bool httpOnly, string path) => new()
    {
        HttpOnly = httpOnly, Secure = true, SameSite = SameSiteMode.Strict, Path = path, Expires = expiresAt, IsEssential = true,
    };
}
