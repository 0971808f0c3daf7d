using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace TicketSaas.Discord.Emulator.Tests;

public class OAuthTests
{
    private const string RedirectUri = "http://127.0.0.1:5000/signin-discord";

    [SkippableFact]
    public async Task Authorization_code_with_the_right_verifier_yields_tokens_that_read_the_user_and_guilds()
    {
        await using var seeded = await Seeded.StartAsync(o => o.OAuthRedirectUris.Add(RedirectUri));
        seeded.Emulator.OAuth.AuthorizingUser = seeded.Owner.Id;
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

        var code = await AuthorizeAsync(seeded, verifier, state: "xyz");
        using var token = await ExchangeAsync(seeded, code, verifier);
        var tokens = await Seeded.JsonOf(token);
        using var api = new HttpClient { BaseAddress = seeded.Emulator.ApiBaseUri };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["access_token"]!.GetValue<string>());
        var me = await Seeded.JsonOf(await api.GetAsync("users/@me"));
        var guilds = (await Seeded.JsonOf(await api.GetAsync("users/@me/guilds"))).AsArray();

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal("Bearer", tokens["token_type"]!.GetValue<string>());
        Assert.Equal(seeded.Owner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), me["id"]!.GetValue<string>());
        Assert.True(Assert.Single(guilds)!["owner"]!.GetValue<bool>());
        Assert.Empty(seeded.Emulator.Requests.SpecViolations);
    }

    [SkippableFact]
    public async Task A_wrong_verifier_is_invalid_grant_and_burns_the_code()
    {
        await using var seeded = await Seeded.StartAsync(o => o.OAuthRedirectUris.Add(RedirectUri));
        seeded.Emulator.OAuth.AuthorizingUser = seeded.Owner.Id;
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var code = await AuthorizeAsync(seeded, verifier, state: "s");

        using var wrong = await ExchangeAsync(seeded, code, WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)));
        using var retry = await ExchangeAsync(seeded, code, verifier);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("invalid_grant", (await Seeded.JsonOf(wrong))["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, retry.StatusCode);
    }

    [SkippableFact]
    public async Task A_refresh_token_works_once()
    {
        await using var seeded = await Seeded.StartAsync(o => o.OAuthRedirectUris.Add(RedirectUri));
        seeded.Emulator.OAuth.AuthorizingUser = seeded.Owner.Id;
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var tokens = await Seeded.JsonOf(await ExchangeAsync(seeded, await AuthorizeAsync(seeded, verifier, "s"), verifier));
        var refresh = tokens["refresh_token"]!.GetValue<string>();

        using var first = await PostTokenAsync(seeded, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh });
        using var second = await PostTokenAsync(seeded, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    private static async Task<string> AuthorizeAsync(Seeded seeded, string verifier, string state)
    {
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var url = QueryHelpers.AddQueryString(seeded.Emulator.AuthorizeUri.ToString(), new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = seeded.Emulator.OAuth.ClientId,
            ["scope"] = "identify guilds",
            ["redirect_uri"] = RedirectUri,
            ["state"] = state,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal(state, query["state"].ToString());
        return query["code"].ToString();
    }

    private static Task<HttpResponseMessage> ExchangeAsync(Seeded seeded, string code, string verifier) =>
        PostTokenAsync(seeded, new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
        });

    private static async Task<HttpResponseMessage> PostTokenAsync(Seeded seeded, Dictionary<string, string> form)
    {
        using var api = new HttpClient { BaseAddress = seeded.Emulator.ApiBaseUri };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{seeded.Emulator.OAuth.ClientId}:{seeded.Emulator.OAuth.ClientSecret}"));
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        return await api.PostAsync("oauth2/token", new FormUrlEncodedContent(form));
    }
}
