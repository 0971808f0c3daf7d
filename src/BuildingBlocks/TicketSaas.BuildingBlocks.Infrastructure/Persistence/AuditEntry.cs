namespace TicketSaas.BuildingBlocks.Infrastructure.Persistence;

/// <summary>One audited command: who did what to which guild, with every changed row before and after.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public ulong? ActorUserId { get; init; }

    public ulong? GuildId { get; init; }

    public required string Command { get; init; }

    /// <summary>JSON array of <c>{ entity, state, key, before, after }</c>.</summary>
    public required string Changes { get; init; }
}
