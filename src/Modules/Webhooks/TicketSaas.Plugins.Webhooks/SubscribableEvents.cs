using System.Reflection;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Contracts;

namespace TicketSaas.Plugins.Webhooks;

/// <summary>
/// The events an endpoint may choose, by their stable names. Each has a consumer under IntegrationEventHandlers that
/// queues deliveries; offering a new one (ticket created, ticket closed) is one more line here and one consumer.
/// </summary>
internal static class SubscribableEvents
{
    public static IReadOnlyList<string> Names { get; } = [NameOf<CategoryCreatedIntegrationEvent>()];

    public static string NameOf<TEvent>()
        where TEvent : IIntegrationEvent =>
        typeof(TEvent).GetCustomAttribute<IntegrationEventNameAttribute>()!.Name;
}
