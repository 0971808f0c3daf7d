namespace TicketSaas.BuildingBlocks.Application.Messaging;

/// <summary>
/// A fact one module tells the others, carried through the sender's outbox. Implementations are immutable records
/// in the sender's Contracts project, marked with <see cref="IntegrationEventNameAttribute"/>.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>Unique per event; consumers' inboxes key on it, so a redelivery has no second effect.</summary>
    Guid Id { get; }

    DateTimeOffset OccurredAt { get; }
}
