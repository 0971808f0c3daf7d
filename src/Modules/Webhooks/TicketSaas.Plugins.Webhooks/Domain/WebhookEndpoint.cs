namespace TicketSaas.Plugins.Webhooks.Domain;

/// <summary>Where a guild wants its events posted, with the secret they are signed with (stored protected).</summary>
internal sealed class WebhookEndpoint
{
    private WebhookEndpoint(Guid id, ulong guildId, string url, string protectedSecret, string events, DateTimeOffset createdAt)
    {
        Id = id;
        GuildId = guildId;
        Url = url;
        ProtectedSecret = protectedSecret;
        Events = events;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public ulong GuildId { get; private set; }

    public string Url { get; private set; }

    public string ProtectedSecret { get; private set; }

    /// <summary>The subscribed event names, space-separated.</summary>
    public string Events { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<string> EventNames => Events.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static WebhookEndpoint Create(ulong guildId, Uri url, string protectedSecret, IEnumerable<string> events, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), guildId, url.AbsoluteUri, protectedSecret, string.Join(' ', events.Distinct().Order(StringComparer.Ordinal)), now);

    public bool IsSubscribedTo(string eventName) => EventNames.Contains(eventName, StringComparer.Ordinal);
}
