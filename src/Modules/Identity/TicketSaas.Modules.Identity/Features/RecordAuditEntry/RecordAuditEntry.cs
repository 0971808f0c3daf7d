using MediatR;
using TicketSaas.BuildingBlocks.Application.Auditing;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Identity.Domain.AuditLog;
using TicketSaas.Modules.Identity.IntegrationEventHandlers;
using TicketSaas.Modules.Identity.Persistence;

namespace TicketSaas.Modules.Identity.Features.RecordAuditEntry;

public sealed record RecordAuditEntryCommand(AuditRecordedIntegrationEvent Recorded) : IConsumeCommand
{
    public Guid EventId => Recorded.Id;

    public string Consumer => ConsumerName.Of(typeof(AuditRecordedIntegrationEventHandler));
}

internal sealed class RecordAuditEntryCommandHandler(IdentityDbContext db) : IRequestHandler<RecordAuditEntryCommand, Unit>
{
    public Task<Unit> Handle(RecordAuditEntryCommand command, CancellationToken cancellationToken)
    {
        var recorded = command.Recorded;
        db.AuditLog.Add(AuditLogEntry.Record(
            recorded.Id, recorded.Module, recorded.Command, recorded.ActorUserId, recorded.GuildId, recorded.Changes, recorded.OccurredAt));
        return Task.FromResult(Unit.Value);
    }
}
