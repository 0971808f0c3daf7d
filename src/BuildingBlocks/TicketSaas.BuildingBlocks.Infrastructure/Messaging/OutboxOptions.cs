namespace TicketSaas.BuildingBlocks.Infrastructure.Messaging;

/// <summary>Section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>How often an idle relay looks for due deliveries (a local commit wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    public int BatchSize { get; set; } = 50;

    /// <summary>Failed attempts after which a delivery is dead until an operator retries it.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Delay before the first retry; it doubles with each failure (with jitter), up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a consumer may run before the attempt counts as failed.</summary>
    public TimeSpan ConsumerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed delivery stays with its relay; longer than a consumer may run.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    public bool RelayEnabled { get; set; } = true;
}
