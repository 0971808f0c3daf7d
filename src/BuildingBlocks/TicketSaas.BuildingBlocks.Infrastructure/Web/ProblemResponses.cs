using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace TicketSaas.BuildingBlocks.Infrastructure.Web;

public static class ProblemResponses
{
    private static readonly string[] ProblemJson = ["application/problem+json"];

    /// <summary>
    /// Declares on every endpoint of the group the problem details it can answer (ADR 0005), so the OpenAPI document
    /// lists them without each slice repeating them: 400, 401/403 when it needs a signed-in caller, 404 when the
    /// path names something, 409/422 for commands, 415 when it reads a body, 429 and 500 everywhere. A slice's own declaration wins.
    /// </summary>
    public static TBuilder DescribeProblems<TBuilder>(this TBuilder group) where TBuilder : IEndpointConventionBuilder
    {
        group.Finally(endpoint =>
        {
            var declared = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToHashSet();
            foreach (var status in StatusesOf(endpoint).Where(declared.Add))
            {
                var type = status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, type, ProblemJson));
            }
        });
        return group;
    }

    private static IEnumerable<int> StatusesOf(EndpointBuilder endpoint)
    {
        yield return StatusCodes.Status400BadRequest;
        if (endpoint.Metadata.OfType<IAuthorizeData>().Any() && !endpoint.Metadata.OfType<IAllowAnonymous>().Any())
        {
            yield return StatusCodes.Status401Unauthorized;
            yield return StatusCodes.Status403Forbidden;
        }

        if (endpoint is RouteEndpointBuilder { RoutePattern.Parameters.Count: > 0 })
        {
            yield return StatusCodes.Status404NotFound;
        }

        if (endpoint.Metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).Any(m => !HttpMethods.IsGet(m)))
        {
            yield return StatusCodes.Status409Conflict;
            yield return StatusCodes.Status422UnprocessableEntity;
        }

        if (endpoint.Metadata.OfType<IAcceptsMetadata>().Any())
        {
            yield return StatusCodes.Status415UnsupportedMediaType;
        }

        yield return StatusCodes.Status429TooManyRequests;
        yield return StatusCodes.Status500InternalServerError;
    }
}
