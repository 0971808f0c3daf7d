using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Plugins.Webhooks.Domain;
using TicketSaas.Plugins.Webhooks.Persistence;

namespace TicketSaas.Plugins.Webhooks.Features.QueueWebhookDeliveries;

/// <summary>
/// One integration event becomes one delivery per endpoint of its guild subscribed to it. The body is fixed here:
/// <c>{ id, event, occurredAt, guildId, data }</c>, numbers in <c>data</c> as strings (snowflakes exceed JSON's safe integers).
/// </summary>
public sealed record QueueWebhookDeliveriesCommand(IIntegrationEvent Event, string EventName, ulong GuildId, string Consumer) : IConsumeCommand
{
    public Guid EventId => Event.Id;
}

internal sealed class QueueWebhookDeliveriesCommandHandler(WebhooksDbContext db, TimeProvider clock)
    : IRequestHandler<QueueWebhookDeliveriesCommand, Unit>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.WriteAsString };

    public async Task<Unit> Handle(QueueWebhookDeliveriesCommand command, CancellationToken cancellationToken)
    {
        var endpoints = await db.Endpoints.AsNoTracking().Where(e => e.GuildId == command.GuildId).ToListAsync(cancellationToken);
        var subscribed = endpoints.Where(e => e.IsSubscribedTo(command.EventName)).ToList();
        if (subscribed.Count == 0)
        {
            return Unit.Value;
        }

        var payload = new JsonObject
        {
            ["id"] = command.Event.Id,
            ["event"] = command.EventName,
            ["occurredAt"] = command.Event.OccurredAt,
            ["guildId"] = command.GuildId.ToString(CultureInfo.InvariantCulture),
            ["data"] = JsonSerializer.SerializeToNode(command.Event, command.Event.GetType(), Json),
        }.ToJsonString();
        var now = clock.GetUtcNow();
        db.Deliveries.AddRange(subscribed.Select(endpoint =>
            WebhookDelivery.Queue(endpoint.Id, command.GuildId, command.Event.Id, command.EventName, payload, now)));
        return Unit.Value;
    }
}
