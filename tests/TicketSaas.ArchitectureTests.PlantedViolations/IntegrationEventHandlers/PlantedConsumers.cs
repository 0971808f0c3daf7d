using MediatR;
using TicketSaas.Modules.Planted.Features.Plant;
using TicketSaas.Modules.PlantedExtras.Contracts;

namespace TicketSaas.Modules.Planted.IntegrationEventHandlers;

/// <summary>Not a violation: a public Wolverine consumer of another module's integration event.</summary>
public sealed class PlantedExtrasOpenedIntegrationEventHandler
{
    public Task Handle(PlantedExtrasOpenedIntegrationEvent message) => Task.FromResult(message.Id);
}

/// <summary>Slice conventions: a public …Handler that is also a MediatR handler, so Wolverine would pick it up too.</summary>
public sealed class PlantNotificationHandler : INotificationHandler<PlantNotification>
{
    Task INotificationHandler<PlantNotification>.Handle(PlantNotification notification, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
