namespace TicketSaas.Discord.Emulator.Http;

public enum CdnExpiry
{
    /// <summary>404 "This content is no longer available.", what Discord's CDN answers for an expired signed link.</summary>
    NotFound = 404,

    /// <summary>403, as the CDN answers for a link whose signature no longer holds.</summary>
    Forbidden = 403,
}

/// <summary>
/// Faults to inject. A route is "METHOD /template" as in Discord's OpenAPI document (e.g.
/// "POST /channels/{channel_id}/messages"), or "*" for every route.
/// </summary>
public sealed class FaultInjector
{
    public const string AnyRoute = "*";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<int>> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _aborts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> _latency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<TimeSpan>> _heldAnswers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<TimeSpan>> _rateLimits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CdnExpiry> _expired = new(StringComparer.Ordinal);
    private CdnExpiry? _everyLinkExpired;

    /// <summary>The next <paramref name="times"/> requests to the route get <paramref name="status"/> (a 5xx) instead of an answer.</summary>
    public void FailNext(string route, int times = 1, int status = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 500);
        Enqueue(_failures, route, status, times);
    }

    /// <summary>The next requests to the route lose their connection without any response.</summary>
    public void AbortNext(string route, int times = 1)
    {
        lock (_lock)
        {
            _aborts[route] = _aborts.GetValueOrDefault(route) + times;
        }
    }

    /// <summary>Every request to the route waits this long before it is handled; zero removes the delay.</summary>
    public void SetLatency(string route, TimeSpan delay)
    {
        lock (_lock)
        {
            if (delay <= TimeSpan.Zero)
            {
                _latency.Remove(route);
            }
            else
            {
                _latency[route] = delay;
            }
        }
    }

    /// <summary>
    /// The next <paramref name="times"/> requests to the route are handled (their effect stays), then their answer is
    /// held back for <paramref name="delay"/>. A client that gives up first never learns the outcome, as when
    /// Discord's answer is lost on the way: what a retry must not turn into a second effect.
    /// </summary>
    public void HoldNextAnswer(string route, TimeSpan delay, int times = 1) => Enqueue(_heldAnswers, route, delay, times);

    /// <summary>
    /// The next <paramref name="times"/> requests to the route (after authentication) answer 429 as Discord's per-route
    /// limit does: body <c>{"message": "You are being rate limited.", "retry_after": seconds, "global": false}</c>,
    /// headers Retry-After, X-RateLimit-Scope: user, X-RateLimit-Bucket, X-RateLimit-Remaining: 0 and
    /// X-RateLimit-Reset-After. Nothing is changed, the emulator's own limits are not charged, and the request log
    /// counts each as a 429. <paramref name="retryAfter"/> defaults to one second.
    /// </summary>
    public void RateLimitNext(string route, int times = 1, TimeSpan? retryAfter = null)
    {
        var wait = retryAfter ?? TimeSpan.FromSeconds(1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(wait, TimeSpan.Zero, nameof(retryAfter));
        Enqueue(_rateLimits, route, wait, times);
    }

    /// <summary>Makes a CDN link (a URL the emulator handed out, or its path after the CDN base) answer as expired.</summary>
    public void ExpireCdnLink(string urlOrPath, CdnExpiry expiry = CdnExpiry.NotFound)
    {
        lock (_lock)
        {
            _expired[CdnPathOf(urlOrPath)] = expiry;
        }
    }

    /// <summary>
    /// Every CDN link (attachments, avatars, emoji, stickers; handed out before or after) answers as expired from now on, as
    /// Discord's do once their signatures ran out or the files were deleted. <see cref="Reset"/> ends it.
    /// </summary>
    public void ExpireEveryCdnLink(CdnExpiry expiry = CdnExpiry.NotFound)
    {
        lock (_lock)
        {
            _everyLinkExpired = expiry;
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _everyLinkExpired = null;
            _failures.Clear();
            _aborts.Clear();
            _latency.Clear();
            _heldAnswers.Clear();
            _rateLimits.Clear();
            _expired.Clear();
        }
    }

    internal TimeSpan LatencyOf(string route)
    {
        lock (_lock)
        {
            return _latency.GetValueOrDefault(route) + _latency.GetValueOrDefault(AnyRoute);
        }
    }

    internal bool TakeAbort(string route)
    {
        lock (_lock)
        {
            return Take(_aborts, route) || Take(_aborts, AnyRoute);
        }
    }

    internal int? TakeFailure(string route) => Dequeue(_failures, route);

    internal TimeSpan? TakeHeldAnswer(string route) => Dequeue(_heldAnswers, route);

    /// <summary>The Retry-After of an injected 429, if one is due.</summary>
    internal TimeSpan? TakeRateLimit(string route) => Dequeue(_rateLimits, route);

    internal CdnExpiry? ExpiryOf(string cdnPath)
    {
        lock (_lock)
        {
            return _expired.TryGetValue(cdnPath, out var expiry) ? expiry : _everyLinkExpired;
        }
    }

    /// <summary>"attachments/1/2/a.png" from a full URL, a rooted path or the bare path; the query is not part of it.</summary>
    internal static string CdnPathOf(string urlOrPath)
    {
        var path = Uri.TryCreate(urlOrPath, UriKind.Absolute, out var uri) ? uri.AbsolutePath : urlOrPath.Split('?')[0];
        path = path.TrimStart('/');
        return path.StartsWith(CdnLinks.BasePath + "/", StringComparison.Ordinal) ? path[(CdnLinks.BasePath.Length + 1)..] : path;
    }

    private void Enqueue<T>(Dictionary<string, Queue<T>> queues, string route, T item, int times)
    {
        lock (_lock)
        {
            if (!queues.TryGetValue(route, out var queue))
            {
                queue = new Queue<T>();
                queues[route] = queue;
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(item);
            }
        }
    }

    /// <summary>The next item queued for the route, else for every route.</summary>
    private T? Dequeue<T>(Dictionary<string, Queue<T>> queues, string route)
        where T : struct
    {
        lock (_lock)
        {
            foreach (var key in new[] { route, AnyRoute })
            {
                if (queues.TryGetValue(key, out var queue) && queue.TryDequeue(out var item))
                {
                    return item;
                }
            }

            return null;
        }
    }

    private static bool Take(Dictionary<string, int> counts, string key)
    {
        if (counts.GetValueOrDefault(key) <= 0)
        {
            return false;
        }

        counts[key]--;
        return true;
    }
}
