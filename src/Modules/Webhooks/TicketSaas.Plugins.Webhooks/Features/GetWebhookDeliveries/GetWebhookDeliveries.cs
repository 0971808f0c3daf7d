using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Plugins.Webhooks.Domain;
using TicketSaas.Plugins.Webhooks.Persistence;

namespace TicketSaas.Plugins.Webhooks.Features.GetWebhookDeliveries;

/// <summary>A guild's latest deliveries, newest first, optionally of one endpoint.</summary>
public sealed record GetWebhookDeliveriesQuery(ulong GuildId, Guid? EndpointId, int Limit)
    : IQuery<IReadOnlyList<WebhookDeliveryDto>>;

public sealed record WebhookDeliveryDto(
    Guid Id,
    Guid EndpointId,
    Guid EventId,
    string EventName,
    WebhookDeliveryStatus Status,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt)
{
    internal static WebhookDeliveryDto From(WebhookDelivery d) =>
        new(d.Id, d.EndpointId, d.EventId, d.EventName, d.Status, d.Attempts, d.LastStatusCode, d.LastError, d.CreatedAt, d.NextAttemptAt, d.DeliveredAt);
}

internal sealed class GetWebhookDeliveriesQueryValidator : AbstractValidator<GetWebhookDeliveriesQuery>
{
    public GetWebhookDeliveriesQueryValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, 200);
}

internal sealed class GetWebhookDeliveriesQueryHandler(WebhooksDbContext db)
    : IRequestHandler<GetWebhookDeliveriesQuery, IReadOnlyList<WebhookDeliveryDto>>
{
    public async Task<IReadOnlyList<WebhookDeliveryDto>> Handle(GetWebhookDeliveriesQuery query, CancellationToken cancellationToken)
    {
        var deliveries = db.Deliveries.AsNoTracking().Where(d => d.GuildId == query.GuildId);
        if (query.EndpointId is { } endpointId)
        {
            deliveries = deliveries.Where(d => d.EndpointId == endpointId);
        }

        var page = await deliveries.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(query.Limit).ToListAsync(cancellationToken);
        return page.Select(WebhookDeliveryDto.From).ToList();
    }
}

internal static class GetWebhookDeliveriesEndpoint
{
    public static void Map(IEndpointRouteBuilder webhooks) =>
        webhooks.MapGet("/deliveries", (ulong guildId, Guid? endpointId, int? limit, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetWebhookDeliveriesQuery(guildId, endpointId, limit ?? 50), ct))
            .RequireAuthorization(Policies.GuildAdmin)
            .WithName("GetWebhookDeliveries")
            .ProducesValidationProblem();
}
