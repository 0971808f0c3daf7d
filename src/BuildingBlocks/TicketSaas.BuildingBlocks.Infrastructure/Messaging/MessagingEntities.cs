namespace TicketSaas.BuildingBlocks.Infrastructure.Messaging;

/// <summary>An integration event written in the same transaction as the change that raised it.</summary>
public sealed class OutboxMessage
{
    /// <summary>Commit-ordered position, read by process-wide subscriptions from their own cursors.</summary>
    public long Sequence { get; init; }

    public Guid Id { get; init; }

    public required string Name { get; init; }

    public required string Payload { get; init; }

    public DateTimeOffset OccurredAt { get; init; }
}

/// <summary>
/// The state of one event's delivery to one consumer: consumers succeed and fail independently, so a broken one
/// neither blocks nor repeats the others.
/// </summary>
public sealed class OutboxDelivery
{
    public long Id { get; init; }

    public Guid MessageId { get; init; }

    public required string Consumer { get; init; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>Set after the last allowed attempt failed; a dead delivery waits for an operator's retry.</summary>
    public DateTimeOffset? DeadAt { get; set; }

    /// <summary>The relay that claimed the delivery, until <see cref="LeaseUntil"/>.</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
}

/// <summary>An event a consumer of this module already applied, written in the same transaction as its effect.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }

    public required string Consumer { get; init; }

    public DateTimeOffset ProcessedAt { get; init; }
}
