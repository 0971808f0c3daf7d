using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TicketSaas.BuildingBlocks.Application.Identity;

namespace TicketSaas.BuildingBlocks.Infrastructure.Messaging;

/// <summary>The platform admin's view of integration events in flight: the outbox backlog, dead letters, and retries.</summary>
public static class DeadLetterEndpoints
{
    public static void MapDeadLetters(this IEndpointRouteBuilder api)
    {
        api.MapGet("/admin/outbox", (DeadLetters deadLetters, CancellationToken ct) => deadLetters.BacklogAsync(ct))
            .WithTags("Platform: outbox")
            .WithName("GetOutboxBacklog")
            .RequireAuthorization(Policies.PlatformAdmin);

        var group = api.MapGroup("/admin/dead-letters").WithTags("Platform: dead letters").RequireAuthorization(Policies.PlatformAdmin);
        group.MapGet("/", (DeadLetters deadLetters, CancellationToken ct, int page = 1, int pageSize = 50) =>
            {
                new DeadLetterPageValidator().ValidateAndThrow((page, pageSize));
                return deadLetters.PageAsync(page, pageSize, ct);
            })
            .WithName("GetDeadLetters");
        group.MapPost("/retry", async (DeadLetters deadLetters, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, new RetriedDeadLetters(await deadLetters.RetryAllAsync(ct))))
            .WithName("RetryAllDeadLetters");
        group.MapPost("/{module}/{deliveryId:long}/retry", async (string module, long deliveryId, DeadLetters deadLetters, CancellationToken ct) =>
            {
                await deadLetters.RetryAsync(module, deliveryId, ct);
                return TypedResults.Accepted((string?)null);
            })
            .WithName("RetryDeadLetter");
    }

    private sealed class DeadLetterPageValidator : AbstractValidator<(int Page, int PageSize)>
    {
        public DeadLetterPageValidator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1).OverridePropertyName("page").WithName("page");
            RuleFor(q => q.PageSize).InclusiveBetween(1, DeadLetters.MaxPageSize).OverridePropertyName("pageSize").WithName("pageSize");
        }
    }
}

/// <summary>How many dead letters were given a fresh set of attempts.</summary>
public sealed record RetriedDeadLetters(int Retried);
