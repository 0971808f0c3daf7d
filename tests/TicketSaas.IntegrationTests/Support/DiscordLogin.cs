using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using TicketSaas.Discord.Emulator;
using TicketSaas.Modules.Identity;

namespace TicketSaas.IntegrationTests.Support;

/// <summary>
/// Logs users in to the API through the emulator's Discord OAuth2, as a browser would: each redirect followed by hand,
/// cookies kept and sent by hand (they are Secure, and the test server speaks plain HTTP).
/// </summary>
public static class DiscordLogin
{
    /// <summary>The API's callback as Discord knows it: the test server's address.</summary>
    public const string CallbackUri = "http://localhost/api/v1/auth/callback";

    /// <summary>The API host's settings for logging in with the emulator as Discord (register <see cref="CallbackUri"/> with it).</summary>
    public static Dictionary<string, string> ApiSettings(DiscordEmulator emulator) => new()
    {
        ["Discord:BotToken"] = emulator.Bot.Token,
        ["Discord:ApplicationId"] = emulator.Bot.ApplicationId.ToString(CultureInfo.InvariantCulture),
        ["Discord:Rest:BaseAddress"] = emulator.ApiBaseUri.ToString(),
        ["Discord:Rest:RetryBaseDelay"] = "00:00:00.050",
        ["Identity:Login:ClientSecret"] = emulator.OAuth.ClientSecret,
        ["Identity:Login:RedirectUri"] = CallbackUri,
        ["Identity:Login:AuthorizeUrl"] = emulator.AuthorizeUri.ToString(),
    };

    /// <summary>A complete login of <paramref name="userId"/>: a client that carries the session cookie and the antiforgery header.</summary>
    public static async Task<LoginSession> LoginAsAsync(this ApiHost api, DiscordEmulator emulator, ulong userId)
    {
        var attempt = await api.StartLoginAsync();
        var callback = await attempt.AuthorizeAsync(emulator, userId);
        using var completed = await attempt.CompleteAsync(callback);
        return completed.StatusCode == HttpStatusCode.Redirect
            ? LoginSession.From(api, completed)
            : throw new InvalidOperationException($"The login of {userId} ended with {(int)completed.StatusCode}: {await completed.Content.ReadAsStringAsync()}");
    }

    /// <summary>The first step: GET /api/v1/auth/login, which answers with Discord's authorize URL and the login cookie.</summary>
    public static async Task<LoginAttempt> StartLoginAsync(this ApiHost api)
    {
        using var client = api.RawClient();
        using var response = await client.GetAsync("/api/v1/auth/login");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new LoginAttempt(api, response.Headers.Location!, Cookies(response));
    }

    public static IReadOnlyList<SetCookieHeaderValue> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues(HeaderNames.SetCookie, out var values) ? [.. SetCookieHeaderValue.ParseList([.. values])] : [];
}

/// <summary>A login between its start and Discord's answer.</summary>
public sealed record LoginAttempt(ApiHost Api, Uri AuthorizeUrl, IReadOnlyList<SetCookieHeaderValue> Cookies)
{
    public string State => QueryHelpers.ParseQuery(AuthorizeUrl.Query)["state"].ToString();

    /// <summary>The user at Discord's authorize page: consents (a user id) or declines (null). Returns where Discord sends the browser.</summary>
    public async Task<Uri> AuthorizeAsync(DiscordEmulator emulator, ulong? userId)
    {
        emulator.OAuth.AuthorizingUser = userId;
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await browser.GetAsync(AuthorizeUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>The browser arrives at the callback with the login cookie of this attempt.</summary>
    public async Task<HttpResponseMessage> CompleteAsync(Uri callback)
    {
        using var client = Api.RawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, callback.PathAndQuery);
        if (Cookies.Count > 0)
        {
            request.Headers.Add(HeaderNames.Cookie, string.Join("; ", Cookies.Select(c => $"{c.Name}={c.Value}")));
        }

        return await client.SendAsync(request);
    }
}

/// <summary>A logged-in browser: <see cref="Client"/> sends the session cookie and the antiforgery header with every request.</summary>
public sealed class LoginSession : IDisposable
{
    private LoginSession(HttpClient client, IReadOnlyList<SetCookieHeaderValue> cookies)
    {
        Client = client;
        Cookies = cookies;
    }

    public HttpClient Client { get; }

    /// <summary>As set by the login's last response.</summary>
    public IReadOnlyList<SetCookieHeaderValue> Cookies { get; }

    public string SessionToken => Cookie(IdentityModule.SessionCookie).Value.ToString();

    public string AntiforgeryToken => Cookie("__Secure-ticketsaas-csrf").Value.ToString();

    public SetCookieHeaderValue Cookie(string name) => Cookies.Single(c => c.Name == name);

    /// <summary>The same browser without its antiforgery header, as a forged request from another site would arrive.</summary>
    public HttpClient WithoutAntiforgery(ApiHost api)
    {
        var client = api.RawClient();
        client.DefaultRequestHeaders.Add(HeaderNames.Cookie, $"{IdentityModule.SessionCookie}={SessionToken}");
        return client;
    }

    internal static LoginSession From(ApiHost api, HttpResponseMessage completed)
    {
        var cookies = DiscordLogin.Cookies(completed);
        var session = new LoginSession(api.RawClient(), cookies);
        session.Client.DefaultRequestHeaders.Add(HeaderNames.Cookie, $"{IdentityModule.SessionCookie}={session.SessionToken}");
        session.Client.DefaultRequestHeaders.Add(IdentityModule.AntiforgeryHeader, session.AntiforgeryToken);
        return session;
    }

    public void Dispose() => Client.Dispose();
}
