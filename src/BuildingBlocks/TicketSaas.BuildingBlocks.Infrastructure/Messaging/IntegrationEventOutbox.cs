using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;

namespace TicketSaas.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Collects the events a command publishes; the unit of work writes them, with one delivery per consumer,
/// into the owning module's outbox in the command's own <c>SaveChanges</c>.
/// </summary>
internal sealed class IntegrationEventOutbox(IntegrationEventTypes types, ConsumerDirectory consumers) : IIntegrationEventPublisher
{
    private readonly List<IIntegrationEvent> _pending = [];

    public void Publish(IIntegrationEvent integrationEvent) => _pending.Add(integrationEvent);

    /// <returns>Whether anything was written.</returns>
    public bool WriteTo(ModuleDbContext db)
    {
        foreach (var integrationEvent in _pending)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = integrationEvent.Id,
                Name = types.NameOf(integrationEvent.GetType()),
                Payload = types.Serialize(integrationEvent),
                OccurredAt = integrationEvent.OccurredAt,
            });
            db.OutboxDeliveries.AddRange(consumers.ConsumersOf(integrationEvent.GetType()).Select(consumer => new OutboxDelivery
            {
                MessageId = integrationEvent.Id,
                Consumer = consumer,
                NextAttemptAt = integrationEvent.OccurredAt,
            }));
        }

        var wrote = _pending.Count > 0;
        _pending.Clear();
        return wrote;
    }
}
