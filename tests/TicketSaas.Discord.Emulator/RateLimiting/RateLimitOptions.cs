namespace TicketSaas.Discord.Emulator.RateLimiting;

/// <summary>How many requests a bucket takes per window. A window starts with the first request after the last reset.</summary>
public sealed record BucketRule(int Limit, TimeSpan Window);

/// <summary>
/// Bucket sizes and windows, per route ("METHOD /template" as in Discord's OpenAPI document, e.g.
/// "POST /channels/{channel_id}/messages"), so a test can compute the least time a burst needs.
/// Buckets are kept per token, per bucket hash and per major parameter (channel, guild, webhook or interaction).
/// </summary>
public sealed class RateLimitOptions
{
    private readonly Dictionary<string, BucketRule> _routes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sharedBucketOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BucketRule> _shared = new(StringComparer.Ordinal);

    public RateLimitOptions()
    {
        // Emulator defaults in the shape Discord reports them; adding and removing a thread member share a bucket.
        Share("thread-members", new BucketRule(5, TimeSpan.FromSeconds(5)),
            "PUT /channels/{channel_id}/thread-members/{user_id}",
            "DELETE /channels/{channel_id}/thread-members/{user_id}");
    }

    /// <summary>Requests per window across all routes for one token (Discord: 50 per second per bot).</summary>
    public BucketRule Global { get; set; } = new(50, TimeSpan.FromSeconds(1));

    /// <summary>The rule of every route not configured otherwise.</summary>
    public BucketRule DefaultRoute { get; set; } = new(5, TimeSpan.FromSeconds(5));

    public RateLimitOptions Route(string route, int limit, TimeSpan window)
    {
        if (_sharedBucketOf.ContainsKey(route))
        {
            throw new InvalidOperationException($"{route} shares a bucket: configure the shared bucket instead.");
        }

        _routes[route] = new BucketRule(limit, window);
        return this;
    }

    /// <summary>Makes routes share one bucket (one hash, one count), as Discord does for some routes.</summary>
    public RateLimitOptions Share(string bucketName, BucketRule rule, params string[] routes)
    {
        foreach (var route in routes)
        {
            _routes.Remove(route);
            _sharedBucketOf[route] = bucketName;
        }

        _shared[bucketName] = rule;
        return this;
    }

    internal IEnumerable<string> ConfiguredRoutes => _routes.Keys.Concat(_sharedBucketOf.Keys);

    /// <summary>The bucket's name (the shared one, or the route itself) and its rule.</summary>
    internal (string Bucket, BucketRule Rule) RuleOf(string route) =>
        _sharedBucketOf.TryGetValue(route, out var shared)
            ? (shared, _shared[shared])
            : (route, _routes.GetValueOrDefault(route) ?? DefaultRoute);
}
