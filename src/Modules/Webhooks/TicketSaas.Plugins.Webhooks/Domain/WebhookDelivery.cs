namespace TicketSaas.Plugins.Webhooks.Domain;

public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>One event on its way to one endpoint: every attempt is counted, the last error kept.</summary>
internal sealed class WebhookDelivery
{
    public const int MaxErrorLength = 2000;

    private WebhookDelivery(Guid id, Guid endpointId, ulong guildId, Guid eventId, string eventName, string payload, DateTimeOffset createdAt)
    {
        Id = id;
        EndpointId = endpointId;
        GuildId = guildId;
        EventId = eventId;
        EventName = eventName;
        Payload = payload;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid EndpointId { get; private set; }

    public ulong GuildId { get; private set; }

    public Guid EventId { get; private set; }

    public string EventName { get; private set; }

    /// <summary>The exact body posted on every attempt, so a receiver sees the same bytes and signature input.</summary>
    public string Payload { get; private set; }

    public WebhookDeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>A sender owns the delivery until then, so two hosts never post it at once.</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    public static WebhookDelivery Queue(Guid endpointId, ulong guildId, Guid eventId, string eventName, string payload, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), endpointId, guildId, eventId, eventName, payload, now);

    public void Succeeded(int statusCode, DateTimeOffset now)
    {
        Attempts++;
        Status = WebhookDeliveryStatus.Delivered;
        LastStatusCode = statusCode;
        LastError = null;
        DeliveredAt = now;
        NextAttemptAt = null;
        LockedUntil = null;
    }

    /// <param name="retryAt">When to try again; null gives up and marks the delivery failed.</param>
    public void AttemptFailed(int? statusCode, string error, DateTimeOffset? retryAt)
    {
        Attempts++;
        LastStatusCode = statusCode;
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        Status = retryAt is null ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending;
        NextAttemptAt = retryAt;
        LockedUntil = null;
    }
}
