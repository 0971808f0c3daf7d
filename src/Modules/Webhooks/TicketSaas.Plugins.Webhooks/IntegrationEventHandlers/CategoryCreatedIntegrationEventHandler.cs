using MediatR;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Plugins.Webhooks.Features.QueueWebhookDeliveries;

namespace TicketSaas.Plugins.Webhooks.IntegrationEventHandlers;

/// <summary>Queues <c>tickets.category-created.v1</c> for the guild's subscribed endpoints.</summary>
public sealed class CategoryCreatedIntegrationEventHandler
{
    public Task Handle(CategoryCreatedIntegrationEvent created, IMediator mediator, CancellationToken cancellationToken) =>
        mediator.Send(new QueueWebhookDeliveriesCommand(
            created, SubscribableEvents.NameOf<CategoryCreatedIntegrationEvent>(), created.GuildId,
            ConsumerName.Of(typeof(CategoryCreatedIntegrationEventHandler))), cancellationToken);
}
