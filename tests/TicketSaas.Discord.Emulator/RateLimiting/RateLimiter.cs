using System.Security.Cryptography;
using System.Text;

namespace TicketSaas.Discord.Emulator.RateLimiting;

public enum RateLimitScope
{
    User,
    Global,
}

internal sealed record RateLimitDecision(
    bool Allowed,
    RateLimitScope? RejectedBy,
    string? BucketHash,
    int Limit,
    int Remaining,
    DateTimeOffset ResetAt,
    TimeSpan ResetAfter);

/// <summary>Fixed windows per (caller, bucket hash, major parameter), plus one global window per caller.</summary>
internal sealed class RateLimiter(RateLimitOptions options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Caller, string Hash, string Major), Window> _buckets = [];
    private readonly Dictionary<string, Window> _global = new(StringComparer.Ordinal);

    /// <summary>
    /// Takes one request from the caller's global window (unless the route is exempt, as interaction callbacks
    /// and follow-ups are) and from the route's bucket.
    /// </summary>
    public RateLimitDecision Acquire(string caller, string route, string major, bool globalExempt)
    {
        var now = time.GetUtcNow();
        var (hash, rule) = BucketOf(route);
        lock (_lock)
        {
            if (!globalExempt)
            {
                var global = Current(_global, caller, options.Global, now);
                if (global.Remaining == 0)
                {
                    return new RateLimitDecision(false, RateLimitScope.Global, null, options.Global.Limit, 0, global.ResetAt, global.ResetAt - now);
                }

                _global[caller] = global with { Remaining = global.Remaining - 1 };
            }

            var key = (caller, hash, major);
            var window = Current(_buckets, key, rule, now);
            if (window.Remaining == 0)
            {
                return new RateLimitDecision(false, RateLimitScope.User, hash, rule.Limit, 0, window.ResetAt, window.ResetAt - now);
            }

            _buckets[key] = window with { Remaining = window.Remaining - 1 };
            return new RateLimitDecision(true, null, hash, rule.Limit, window.Remaining - 1, window.ResetAt, window.ResetAt - now);
        }
    }

    /// <summary>The route's bucket hash (as X-RateLimit-Bucket reports it) and its rule.</summary>
    public (string Hash, BucketRule Rule) BucketOf(string route)
    {
        var (bucket, rule) = options.RuleOf(route);
        return (HashOf(bucket), rule);
    }

    private static Window Current<TKey>(Dictionary<TKey, Window> windows, TKey key, BucketRule rule, DateTimeOffset now)
        where TKey : notnull =>
        windows.TryGetValue(key, out var window) && now < window.ResetAt ? window : new Window(rule.Limit, now + rule.Window);

    /// <summary>An opaque hash, stable per bucket name, shaped like Discord's.</summary>
    private static string HashOf(string bucket) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(bucket)))[..32];

    private sealed record Window(int Remaining, DateTimeOffset ResetAt);
}
