namespace TicketSaas.BuildingBlocks.Application.Messaging;

/// <summary>
/// Publishes from inside a command: the event is written to the module's outbox in the command's own transaction
/// and delivered to every consumer after the commit, never before and never lost.
/// </summary>
public interface IIntegrationEventPublisher
{
    void Publish(IIntegrationEvent integrationEvent);
}
