using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;

namespace TicketSaas.BuildingBlocks.Discord.Rest;

/// <summary>
/// Discord's REST rate limits, learned from response headers. A bucket is the X-RateLimit-Bucket hash plus the
/// major parameter; until a route's hash is known its route key stands in. Each bucket sends one request at a
/// time, so every send is decided on the state the previous answer reported (never a guess that could overrun
/// the bucket) and messages to one channel keep their order. Buckets run in parallel, under the global limit.
/// </summary>
internal sealed class RateLimiter
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, string> hashByRoute = new();
    private readonly ConcurrentDictionary<string, Bucket> buckets = new();
    private readonly DiscordRestOptions options;
    private readonly TimeProvider time;
    private readonly DiscordMetrics metrics;
    private readonly GlobalLimit global;
    private long nextSweepTicks;

    public RateLimiter(DiscordRestOptions options, TimeProvider time, DiscordMetrics metrics)
    {
        this.options = options;
        this.time = time;
        this.metrics = metrics;
        global = new GlobalLimit(options.GlobalRequestsPerSecond, options.RateLimitMargin, time);
    }

    internal int BucketCount => buckets.Count;

    /// <summary>Waits for the route's bucket to be free and holds it; dispose the lease when the answer is in.</summary>
    public async Task<Lease> EnterAsync(RestRoute route, CancellationToken cancellationToken)
    {
        SweepIdleBuckets();
        while (true)
        {
            var key = BucketKey(route);
            var bucket = buckets.GetOrAdd(key, static (_, now) => new Bucket(now), time.GetUtcNow());
            await bucket.Gate.WaitAsync(cancellationToken);

            // The route's hash may have been learned, or the bucket swept, while we queued.
            if (BucketKey(route) == key && buckets.TryGetValue(key, out var current) && ReferenceEquals(current, bucket))
            {
                return new Lease(this, route, bucket);
            }

            bucket.Gate.Release();
        }
    }

    private string BucketKey(RestRoute route) =>
        hashByRoute.TryGetValue(route.Key, out var hash) ? $"{hash}:{route.Major}" : $"{route.Key}:{route.Major}";

    private void SweepIdleBuckets()
    {
        var now = time.GetUtcNow();
        var due = Interlocked.Read(ref nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref nextSweepTicks, (now + SweepEvery).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var (key, bucket) in buckets)
        {
            // Holding the gate guarantees no request is inside; later arrivals re-check and find it gone.
            if (bucket.IsIdle(now, IdleAfter) && bucket.Gate.Wait(0))
            {
                buckets.TryRemove(KeyValuePair.Create(key, bucket));
                bucket.Gate.Release();
            }
        }
    }

    /// <summary>One request's hold on its bucket, kept across its retries so they do not jump the queue.</summary>
    internal sealed class Lease(RateLimiter limiter, RestRoute route, Bucket bucket) : IDisposable
    {
        /// <summary>
        /// Waits until the bucket (and, for the bot token, the global limit) lets one more request go. A global
        /// slot comes back for the bot token: complete it once the request is answered or has failed.
        /// </summary>
        public async Task<GlobalSlot?> WaitForTurnAsync(bool global, CancellationToken cancellationToken)
        {
            var time = limiter.time;
            while (bucket.TryReserve(time.GetUtcNow()) is { } wait)
            {
                limiter.metrics.RateLimitWait(route.Key);
                await Task.Delay(wait, time, cancellationToken);
            }

            return global ? await limiter.global.WaitAsync(() => limiter.metrics.RateLimitWait(route.Key), cancellationToken) : null;
        }

        /// <summary>Learns the bucket's hash and state from an answer's headers.</summary>
        public void Observe(HttpResponseHeaders headers)
        {
            var target = bucket;
            if (Header(headers, "X-RateLimit-Bucket") is { } hash)
            {
                limiter.hashByRoute[route.Key] = hash;
                target = limiter.buckets.GetOrAdd($"{hash}:{route.Major}", static (_, now) => new Bucket(now), limiter.time.GetUtcNow());
            }

            if (int.TryParse(Header(headers, "X-RateLimit-Limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
                && int.TryParse(Header(headers, "X-RateLimit-Remaining"), NumberStyles.None, CultureInfo.InvariantCulture, out var remaining)
                && double.TryParse(Header(headers, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfter))
            {
                var resetAt = limiter.time.GetUtcNow() + TimeSpan.FromSeconds(resetAfter) + limiter.options.RateLimitMargin;
                target.Update(limit, remaining, resetAt);
                if (!ReferenceEquals(target, bucket))
                {
                    bucket.Update(limit, remaining, resetAt);
                }
            }
        }

        /// <summary>A 429: hold the bucket, or every bot request when the limit hit was the global one.</summary>
        public void RateLimited(TimeSpan retryAfter, bool global)
        {
            var until = limiter.time.GetUtcNow() + retryAfter + limiter.options.RateLimitMargin;
            if (global)
            {
                limiter.global.Block(until);
            }
            else
            {
                bucket.Block(until);
            }
        }

        public void Dispose() => bucket.Gate.Release();
    }

    internal sealed class Bucket(DateTimeOffset created)
    {
        private readonly Lock sync = new();
        private int? limit;
        private int remaining;
        private DateTimeOffset resetAt;
        private DateTimeOffset lastUsed = created;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>Takes one request from the bucket, or says how long to wait. Unknown buckets let one through.</summary>
        public TimeSpan? TryReserve(DateTimeOffset now)
        {
            lock (sync)
            {
                lastUsed = now;
                if (limit is not { } max)
                {
                    return null;
                }

                if (remaining > 0)
                {
                    remaining--;
                    return null;
                }

                if (now >= resetAt)
                {
                    // The window has passed; the answer to this request reports the new one.
                    remaining = max - 1;
                    return null;
                }

                return resetAt - now;
            }
        }

        public void Update(int newLimit, int newRemaining, DateTimeOffset newResetAt)
        {
            lock (sync)
            {
                limit = newLimit;
                remaining = newRemaining;
                resetAt = newResetAt;
            }
        }

        public void Block(DateTimeOffset until)
        {
            lock (sync)
            {
                limit ??= 1;
                remaining = 0;
                resetAt = until > resetAt ? until : resetAt;
            }
        }

        public bool IsIdle(DateTimeOffset now, TimeSpan idleAfter)
        {
            lock (sync)
            {
                return now >= resetAt && now - lastUsed >= idleAfter;
            }
        }
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

/// <summary>
/// At most N bot requests in any sliding second (plus the margin), and none while a global 429 holds. Sliding
/// rather than fixed windows: whatever window Discord counts in, it never sees more than N. Discord counts a
/// request when it arrives, which we only know happened before its answer came back; so a slot is timed from
/// the answer, and uneven transport delays (a new connection's handshake) cannot squeeze N + 1 arrivals into
/// one second.
/// </summary>
internal sealed class GlobalLimit(int perSecond, TimeSpan margin, TimeProvider time)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Queue<GlobalSlot> recent = new(perSecond);
    private readonly Lock sync = new();
    private DateTimeOffset blockedUntil;

    public async Task<GlobalSlot> WaitAsync(Action onWait, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var until = BlockedUntil;
                if (recent.Count == perSecond)
                {
                    var free = await recent.Peek().Answered.WaitAsync(cancellationToken) + TimeSpan.FromSeconds(1) + margin;
                    until = free > until ? free : until;
                }

                var now = time.GetUtcNow();
                if (until <= now)
                {
                    if (recent.Count == perSecond)
                    {
                        recent.Dequeue();
                    }

                    var slot = new GlobalSlot();
                    recent.Enqueue(slot);
                    return slot;
                }

                onWait();
                await Task.Delay(until - now, time, cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public void Block(DateTimeOffset until)
    {
        lock (sync)
        {
            blockedUntil = until > blockedUntil ? until : blockedUntil;
        }
    }

    private DateTimeOffset BlockedUntil
    {
        get
        {
            lock (sync)
            {
                return blockedUntil;
            }
        }
    }
}

/// <summary>One request's place in the global window, timed from when its answer (or its failure) came back.</summary>
internal sealed class GlobalSlot
{
    private readonly TaskCompletionSource<DateTimeOffset> answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<DateTimeOffset> Answered => answered.Task;

    public void Complete(DateTimeOffset at) => answered.TrySetResult(at);
}
