using TicketSaas.BuildingBlocks.Domain;

namespace TicketSaas.Modules.Identity.Domain.AuditLog;

/// <summary>One audited change anywhere in the product, as the module that made it reported it.</summary>
public sealed class AuditLogEntry : Entity
{
    private AuditLogEntry(Guid eventId, string module, string command, ulong? actorUserId, ulong? guildId, string changes, DateTimeOffset occurredAt)
    {
        EventId = eventId;
        Module = module;
        Command = command;
        ActorUserId = actorUserId;
        GuildId = guildId;
        Changes = changes;
        OccurredAt = occurredAt;
    }

    /// <summary>Ascending in arrival order: the key for keyset paging.</summary>
    public long Id { get; private set; }

    public Guid EventId { get; private set; }

    public string Module { get; private set; }

    public string Command { get; private set; }

    public ulong? ActorUserId { get; private set; }

    public ulong? GuildId { get; private set; }

    /// <summary>JSON array of changed rows with their values before and after.</summary>
    public string Changes { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public static AuditLogEntry Record(
        Guid eventId, string module, string command, ulong? actorUserId, ulong? guildId, string changes, DateTimeOffset occurredAt) =>
        new(eventId, module, command, actorUserId, guildId, changes, occurredAt);
}
