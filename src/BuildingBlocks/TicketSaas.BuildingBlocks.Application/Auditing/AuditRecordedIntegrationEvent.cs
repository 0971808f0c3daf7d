using TicketSaas.BuildingBlocks.Application.Messaging;

namespace TicketSaas.BuildingBlocks.Application.Auditing;

/// <summary>
/// An audited command committed: who ran which command in which module and guild, with every changed row before and
/// after (JSON). Every module publishes it from its unit of work; Identity keeps the audit log built from it.
/// </summary>
[IntegrationEventName("platform.audit-recorded.v1")]
public sealed record AuditRecordedIntegrationEvent(
    Guid Id,
    DateTimeOffset OccurredAt,
    string Module,
    string Command,
    ulong? ActorUserId,
    ulong? GuildId,
    string Changes) : IIntegrationEvent;
