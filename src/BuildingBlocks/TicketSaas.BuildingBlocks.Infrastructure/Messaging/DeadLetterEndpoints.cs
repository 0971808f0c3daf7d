using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TicketSaas.BuildingBlocks.Application.Identity;

namespace TicketSaas.BuildingBlocks.Infrastructure.Messaging;

public static class DeadLetterEndpoints
{
    public static void MapDeadLetters(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/admin/dead-letters").WithTags("Platform: dead letters").RequireAuthorization(Policies.PlatformAdmin);
        group.MapGet("/", (DeadLetters deadLetters, CancellationToken ct) => deadLetters.ListAsync(ct))
            .WithName("GetDeadLetters");
        group.MapPost("/{module}/{deliveryId:long}/retry", async (string module, long deliveryId, DeadLetters deadLetters, CancellationToken ct) =>
            {
                await deadLetters.RetryAsync(module, deliveryId, ct);
                return TypedResults.Accepted((string?)null);
            })
            .WithName("RetryDeadLetter")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
