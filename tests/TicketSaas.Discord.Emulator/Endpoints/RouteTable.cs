using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TicketSaas.Discord.Emulator.Http;

namespace TicketSaas.Discord.Emulator.Endpoints;

/// <summary>Maps the emulated routes and remembers their keys (to check rate-limit and fault configuration against).</summary>
internal sealed class RouteTable(IEndpointRouteBuilder app)
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    public IReadOnlySet<string> Keys => _keys;

    /// <summary>A route under /api/v10, rate limited; <paramref name="template"/> is spelled as in Discord's OpenAPI document.</summary>
    public void Api(string method, string template, Func<HttpContext, IResult> handler, RouteAuth auth = RouteAuth.Bot, bool globalExempt = false, string? ownSchema = null) =>
        Map(method, DiscordPipeline.ApiPrefix + template, $"{method} {template}", handler, new(string.Empty, auth, RateLimited: true, globalExempt, ownSchema));

    /// <summary>A route outside the API (OAuth2 authorize page, CDN): no rate limits, checked against our own schema.</summary>
    public void Outside(string method, string path, Func<HttpContext, IResult> handler, string ownSchema) =>
        Map(method, path, $"{method} {path}", handler, new(string.Empty, RouteAuth.None, RateLimited: false, GlobalExempt: true, ownSchema));

    private void Map(string method, string pattern, string key, Func<HttpContext, IResult> handler, DiscordRoute route)
    {
        _keys.Add(key);
        app.MapMethods(pattern, [method], handler).WithMetadata(route with { Key = key });
    }
}
