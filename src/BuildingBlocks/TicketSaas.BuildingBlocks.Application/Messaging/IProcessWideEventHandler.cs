namespace TicketSaas.BuildingBlocks.Application.Messaging;

/// <summary>
/// Runs in every process that registers it, once per event (cache invalidation in the bot host, live updates from
/// the API host): unlike consumers, which run once in whichever process claims the delivery. Best effort: events
/// from before the process started are not replayed.
/// </summary>
public interface IProcessWideEventHandler<in TEvent>
    where TEvent : IIntegrationEvent
{
    Task Handle(TEvent integrationEvent, CancellationToken cancellationToken);
}
