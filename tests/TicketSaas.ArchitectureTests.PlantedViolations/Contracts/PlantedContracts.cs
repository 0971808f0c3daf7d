using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Planted.Domain;

namespace TicketSaas.Modules.Planted.Contracts;

public sealed record PlantedCreatedIntegrationEvent(Guid Id, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>Integration events: the name lacks the IntegrationEvent suffix.</summary>
public sealed record PlantedRenamed(Guid Id, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>Immutable messages: public setters.</summary>
public sealed class PlantedArchivedIntegrationEvent : IIntegrationEvent
{
    public Guid Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
}

/// <summary>Contracts purity: EF Core in a contract.</summary>
public sealed record ContractLeakingEfCore(Guid Id, EntityState State);

/// <summary>Contracts purity: a domain type of a module in a contract.</summary>
public sealed record ContractLeakingDomain(Guid Id, PlantedItem Item);
