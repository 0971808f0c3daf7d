using MediatR;
using TicketSaas.BuildingBlocks.Application.Auditing;
using TicketSaas.Modules.Identity.Features.RecordAuditEntry;

namespace TicketSaas.Modules.Identity.IntegrationEventHandlers;

/// <summary>Feeds the audit log from every module's audited commands.</summary>
public sealed class AuditRecordedIntegrationEventHandler
{
    public Task Handle(AuditRecordedIntegrationEvent auditRecorded, IMediator mediator, CancellationToken cancellationToken) =>
        mediator.Send(new RecordAuditEntryCommand(auditRecorded), cancellationToken);
}
