namespace TicketSaas.BuildingBlocks.Application.Messaging;

/// <summary>
/// Marks a command whose changes are written to the audit log (who, what, before and after)
/// in the command's own transaction.
/// </summary>
public interface IAuditedCommand
{
    /// <summary>The guild the change belongs to, or null for platform-wide changes.</summary>
    ulong? AuditGuildId { get; }
}
