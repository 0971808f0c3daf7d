using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using TicketSaas.BuildingBlocks.Discord.Rest;

namespace TicketSaas.BuildingBlocks.Discord.Tests.Support;

/// <summary>
/// A stand-in for Discord's rate limiting, on fake time: fixed-window buckets per (hash, major id) and a sliding
/// global window. It answers with Discord's headers, and with a 429 (counted in <see cref="Violations"/>) when a
/// client sends more than a bucket or the global limit allows. <see cref="Script"/> overrides single answers.
/// </summary>
internal sealed partial class FakeDiscord(FakeTimeProvider time) : HttpMessageHandler
{
    private readonly Dictionary<string, (int Count, DateTimeOffset End)> windows = [];
    private readonly List<DateTimeOffset> globalLog = [];

    public int BucketLimit { get; init; } = 5;
    public TimeSpan BucketWindow { get; init; } = TimeSpan.FromSeconds(1);
    public int GlobalLimit { get; init; } = 50;

    /// <summary>Bucket hash for a route key such as "POST channels/{id}/messages"; by default the key itself.</summary>
    public Func<string, string> HashOf { get; init; } = key => key;

    public Queue<Func<HttpRequestMessage, HttpResponseMessage>> Script { get; } = new();
    public List<Sent> Requests { get; } = [];
    public int Violations { get; private set; }

    internal sealed record Sent(DateTimeOffset At, HttpMethod Method, string Path, string? Authorization, string Body);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (windows)
        {
            var now = time.GetUtcNow();
            var path = request.RequestUri!.AbsolutePath;
            Requests.Add(new Sent(now, request.Method, path + request.RequestUri.Query, request.Headers.Authorization?.ToString(), body));
            if (Script.TryDequeue(out var scripted))
            {
                return scripted(request);
            }

            globalLog.RemoveAll(at => now - at >= TimeSpan.FromSeconds(1));
            if (globalLog.Count >= GlobalLimit)
            {
                Violations++;
                return RateLimited(0.1, "global");
            }

            globalLog.Add(now);
            var key = $"{request.Method} {Ids().Replace(path.TrimStart('/'), "{id}")}";
            var hash = HashOf(key);
            var bucket = $"{hash}:{Ids().Match(path).Value}";
            (int Count, DateTimeOffset End) window = windows.TryGetValue(bucket, out var current) && now < current.End ? current : (0, now + BucketWindow);
            if (window.Count >= BucketLimit)
            {
                Violations++;
                return RateLimited((window.End - now).TotalSeconds, "user");
            }

            windows[bucket] = (window.Count + 1, window.End);
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(request.Method == HttpMethod.Get ? "[]" : "{}") };
            response.Headers.Add("X-RateLimit-Bucket", hash);
            response.Headers.Add("X-RateLimit-Limit", BucketLimit.ToString(CultureInfo.InvariantCulture));
            response.Headers.Add("X-RateLimit-Remaining", (BucketLimit - window.Count - 1).ToString(CultureInfo.InvariantCulture));
            response.Headers.Add("X-RateLimit-Reset-After", (window.End - now).TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture));
            return response;
        }
    }

    public static HttpResponseMessage RateLimited(double retryAfter, string scope)
    {
        var body = string.Create(CultureInfo.InvariantCulture,
            $$"""{"message":"You are being rate limited.","retry_after":{{retryAfter:0.000}},"global":{{(scope == "global" ? "true" : "false")}}}""");
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        response.Headers.Add("X-RateLimit-Scope", scope);
        return response;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    public (DiscordRestClient Client, Dictionary<string, long> Counters) CreateClient(Action<DiscordRestOptions>? configure = null)
    {
        var options = new DiscordRestOptions
        {
            BaseAddress = new Uri("http://127.0.0.1:9/api/v10/"),
            BotToken = "test-token",
            RetryBaseDelay = TimeSpan.FromMilliseconds(100),
        };
        options.CdnHosts.Add("127.0.0.1");
        configure?.Invoke(options);
        var meter = new Meter(DiscordMetrics.MeterName);
        var counters = new Dictionary<string, long>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == meter)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (counters)
            {
                counters[instrument.Name] = counters.GetValueOrDefault(instrument.Name) + value;
            }
        });
        listener.Start();
        return (new DiscordRestClient(new HttpClient(this), options, time, new DiscordMetrics(meter)), counters);
    }

    /// <summary>Moves fake time forward in small steps until the work completes.</summary>
    public async Task<T> Drive<T>(Task<T> work, TimeSpan? step = null)
    {
        await Drive((Task)work, step);
        return await work;
    }

    public async Task Drive(Task work, TimeSpan? step = null)
    {
        var limit = time.GetUtcNow() + TimeSpan.FromMinutes(5);
        while (!work.IsCompleted)
        {
            if (time.GetUtcNow() > limit)
            {
                throw new TimeoutException("The work did not finish within 5 fake minutes.");
            }

            time.Advance(step ?? TimeSpan.FromMilliseconds(5));
            await Task.Delay(1);
        }

        await work;
    }

    [GeneratedRegex("(?<=/)[0-9]+(?=/|$)")]
    private static partial Regex Ids();
}
