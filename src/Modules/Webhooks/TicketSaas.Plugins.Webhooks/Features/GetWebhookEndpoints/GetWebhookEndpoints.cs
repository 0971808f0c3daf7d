using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Plugins.Webhooks.Domain;
using TicketSaas.Plugins.Webhooks.Persistence;

namespace TicketSaas.Plugins.Webhooks.Features.GetWebhookEndpoints;

public sealed record GetWebhookEndpointsQuery(ulong GuildId) : IQuery<IReadOnlyList<WebhookEndpointDto>>;

/// <summary>An endpoint as its guild sees it: never with its secret.</summary>
public sealed record WebhookEndpointDto(Guid Id, ulong GuildId, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt)
{
    internal static WebhookEndpointDto From(WebhookEndpoint endpoint) =>
        new(endpoint.Id, endpoint.GuildId, endpoint.Url, endpoint.EventNames, endpoint.CreatedAt);
}

internal sealed class GetWebhookEndpointsQueryHandler(WebhooksDbContext db)
    : IRequestHandler<GetWebhookEndpointsQuery, IReadOnlyList<WebhookEndpointDto>>
{
    public async Task<IReadOnlyList<WebhookEndpointDto>> Handle(GetWebhookEndpointsQuery query, CancellationToken cancellationToken)
    {
        var endpoints = await db.Endpoints.AsNoTracking().Where(e => e.GuildId == query.GuildId).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return endpoints.Select(WebhookEndpointDto.From).ToList();
    }
}

internal static class GetWebhookEndpointsEndpoint
{
    public static void Map(IEndpointRouteBuilder webhooks) =>
        webhooks.MapGet("/", (ulong guildId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetWebhookEndpointsQuery(guildId), ct))
            .RequireAuthorization(Policies.GuildAdmin)
            .WithName("GetWebhookEndpoints");
}
