using TicketSaas.BuildingBlocks.Application.Messaging;

namespace TicketSaas.Modules.Tickets.Contracts;

/// <summary>A guild admin added a ticket category.</summary>
[IntegrationEventName("tickets.category-created.v1")]
public sealed record CategoryCreatedIntegrationEvent(
    Guid Id,
    DateTimeOffset OccurredAt,
    ulong GuildId,
    Guid CategoryId,
    string Name,
    string NamingScheme) : IIntegrationEvent;
