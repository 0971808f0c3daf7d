using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using TicketSaas.Discord.Emulator.State;

namespace TicketSaas.Discord.Emulator.Http;

/// <summary>An OAuth2 error as Discord's token endpoint writes it (<c>{"error", "error_description"}</c>).</summary>
public sealed class OAuthException(int status, string error, string description) : Exception(description)
{
    public int Status { get; } = status;
    public string Error { get; } = error;

    public JsonObject ToBody() => new() { ["error"] = Error, ["error_description"] = Message };
}

/// <summary>
/// Discord's OAuth2 authorization-code flow with PKCE (S256) and refresh tokens. The user who "logs in" at
/// /oauth2/authorize is <see cref="AuthorizingUser"/>; with none set the user declines (error=access_denied).
/// </summary>
public sealed class OAuthServer
{
    private static readonly HashSet<string> KnownScopes = ["identify", "email", "guilds", "guilds.members.read", "connections", "bot", "applications.commands", "openid"];
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly IList<string> _redirectUris;
    private readonly Dictionary<string, Grant> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Grant> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Grant> _refreshTokens = new(StringComparer.Ordinal);

    internal OAuthServer(ulong clientId, TimeProvider time, IList<string> redirectUris)
    {
        ClientId = Renderer.Id(clientId);
        _time = time;
        _redirectUris = redirectUris;
    }

    public string ClientId { get; }
    public string ClientSecret { get; } = Token();
    public ulong? AuthorizingUser { get; set; }
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>An access token without the browser dance, for tests that start logged in.</summary>
    public string IssueAccessToken(ulong userId, params string[] scopes) => IssueTokens(new Grant(userId, scopes, "", null, _time.GetUtcNow()))["access_token"]!.GetValue<string>();

    internal (ulong UserId, IReadOnlyCollection<string> Scopes)? UserOf(string accessToken)
    {
        lock (_lock)
        {
            return _accessTokens.TryGetValue(accessToken, out var grant) && _time.GetUtcNow() < grant.IssuedAt + AccessTokenLifetime
                ? (grant.UserId, grant.Scopes)
                : null;
        }
    }

    /// <summary>Where the browser goes next: back to the redirect URI with code and state, or with an error.</summary>
    internal string Authorize(IQueryCollection query)
    {
        var redirectUri = query["redirect_uri"].ToString();
        if (query["client_id"] != ClientId)
        {
            throw new OAuthException(400, "invalid_client", "Unknown client_id.");
        }

        if (!_redirectUris.Contains(redirectUri))
        {
            // Discord shows an error page rather than redirect to an unregistered URI.
            throw new OAuthException(400, "invalid_request", "Invalid OAuth2 redirect_uri.");
        }

        var state = query["state"].ToString();
        var scopes = query["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (query["response_type"] != "code")
        {
            return Redirect(redirectUri, state, ("error", "unsupported_response_type"));
        }

        if (scopes.Length == 0 || scopes.Any(s => !KnownScopes.Contains(s)))
        {
            return Redirect(redirectUri, state, ("error", "invalid_scope"));
        }

        if (AuthorizingUser is not { } user)
        {
            return Redirect(redirectUri, state, ("error", "access_denied"), ("error_description", "The resource owner or authorization server denied the request"));
        }

        var challenge = query["code_challenge"].ToString();
        if (challenge.Length > 0 && query["code_challenge_method"] != "S256")
        {
            return Redirect(redirectUri, state, ("error", "invalid_request"), ("error_description", "code_challenge_method must be S256"));
        }

        var code = Token();
        lock (_lock)
        {
            _codes[code] = new Grant(user, scopes, redirectUri, challenge.Length > 0 ? challenge : null, _time.GetUtcNow());
        }

        return Redirect(redirectUri, state, ("code", code));
    }

    internal JsonObject Exchange(IFormCollection form, string? basicAuthorization)
    {
        var (clientId, secret) = ClientCredentials(form, basicAuthorization);
        if (clientId != ClientId || secret is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(ClientSecret)))
        {
            throw new OAuthException(401, "invalid_client", "Invalid client credentials.");
        }

        return form["grant_type"].ToString() switch
        {
            "authorization_code" => RedeemCode(form),
            "refresh_token" => Refresh(form),
            _ => throw new OAuthException(400, "unsupported_grant_type", "Unsupported grant_type."),
        };
    }

    private JsonObject RedeemCode(IFormCollection form)
    {
        Grant grant;
        lock (_lock)
        {
            // A code is single use: it is gone whether or not the rest of the exchange succeeds.
            if (!_codes.Remove(form["code"].ToString(), out grant!) || _time.GetUtcNow() - grant.IssuedAt > CodeLifetime)
            {
                throw new OAuthException(400, "invalid_grant", "Invalid \"code\" in request.");
            }
        }

        if (grant.RedirectUri != form["redirect_uri"])
        {
            throw new OAuthException(400, "invalid_grant", "Invalid \"redirect_uri\" in request.");
        }

        if (grant.Challenge is { } challenge)
        {
            var verifier = form["code_verifier"].ToString();
            var computed = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
            if (verifier.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(challenge)))
            {
                throw new OAuthException(400, "invalid_grant", "Invalid \"code_verifier\"");
            }
        }

        return IssueTokens(grant);
    }

    private JsonObject Refresh(IFormCollection form)
    {
        lock (_lock)
        {
            // Refresh tokens rotate: the used one stops working.
            if (!_refreshTokens.Remove(form["refresh_token"].ToString(), out var grant))
            {
                throw new OAuthException(400, "invalid_grant", "Invalid \"refresh_token\" in request.");
            }

            return IssueTokens(grant);
        }
    }

    private JsonObject IssueTokens(Grant grant)
    {
        var access = Token();
        var refresh = Token();
        lock (_lock)
        {
            var issued = grant with { IssuedAt = _time.GetUtcNow() };
            _accessTokens[access] = issued;
            _refreshTokens[refresh] = issued;
        }

        return new JsonObject
        {
            ["access_token"] = access,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)AccessTokenLifetime.TotalSeconds,
            ["refresh_token"] = refresh,
            ["scope"] = string.Join(' ', grant.Scopes),
        };
    }

    private static (string? ClientId, string? Secret) ClientCredentials(IFormCollection form, string? basicAuthorization)
    {
        if (basicAuthorization is not null && basicAuthorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(basicAuthorization[6..].Trim())).Split(':', 2);
                return pair.Length == 2 ? (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1])) : (null, null);
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }

        return (form["client_id"].ToString(), form["client_secret"].ToString());
    }

    private static string Redirect(string redirectUri, string state, params (string Key, string Value)[] parameters)
    {
        var values = parameters.ToDictionary(p => p.Key, p => (string?)p.Value);
        if (state.Length > 0)
        {
            values["state"] = state;
        }

        return QueryHelpers.AddQueryString(redirectUri, values);
    }

    private static string Token() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24));

    private sealed record Grant(ulong UserId, IReadOnlyCollection<string> Scopes, string RedirectUri, string? Challenge, DateTimeOffset IssuedAt);
}
