using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.IntegrationTests.Support;

namespace TicketSaas.IntegrationTests.Api;

/// <summary>One endpoint of the running app: an HTTP method on a route pattern such as <c>/api/v1/guilds/{guildId}/panels</c>.</summary>
public sealed record ApiEndpoint(string Method, string Pattern, RouteEndpoint Endpoint)
{
    public string Key => $"{Method} {Pattern}";

    /// <summary>The pattern without route constraints (<c>{deliveryId:long}</c> → <c>{deliveryId}</c>), as OpenAPI writes it.</summary>
    public string Path => "/" + string.Join('/', Endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
    {
        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p => "{" + (p.IsCatchAll ? "**" : "") + p.Name + "}",
        Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
        _ => part.ToString(),
    }))));

    public IReadOnlyList<string> RouteParameters => [.. Endpoint.RoutePattern.Parameters.Select(p => p.Name)];

    public override string ToString() => Key;
}

public static class ApiEndpoints
{
    /// <summary>Every route endpoint the app maps (module and plugin endpoints, the viewer, health, documents), one per method.</summary>
    public static IReadOnlyList<ApiEndpoint> All(ApiHost api) =>
    [
        .. api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => new ApiEndpoint(m, Pattern(e), e)))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal),
    ];

    private static string Pattern(RouteEndpoint endpoint) => "/" + endpoint.RoutePattern.RawText!.Trim('/');
}
