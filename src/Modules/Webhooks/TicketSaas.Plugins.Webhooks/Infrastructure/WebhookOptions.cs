namespace TicketSaas.Plugins.Webhooks.Infrastructure;

/// <summary>The <c>Webhooks</c> settings.</summary>
internal sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Lets endpoints target loopback, private and link-local addresses: for tests and closed networks only.</summary>
    public bool AllowPrivateTargets { get; set; }

    public int MaxAttempts { get; set; } = 8;

    /// <summary>The delay before the second attempt; each later one waits twice as long as the one before.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
