using TicketSaas.Discord.Emulator.Http;
using TicketSaas.Discord.Emulator.RateLimiting;

namespace TicketSaas.LoadTests;

/// <summary>A route the bot token called during the openings, and how often per opening.</summary>
internal sealed record RouteUse(string Route, double PerOpening);

/// <summary>
/// What Discord's limits allow for a batch of openings, from the requests the batch actually made. Every bucket lets
/// Limit requests through per fixed Window: the bot's global bucket (50 per second), and each route's bucket per
/// major parameter (channel, guild, webhook or interaction). A bucket that had to pass n requests needs at least
/// (⌈n / Limit⌉ − 1) × Window between its first and last; the slowest bucket's need is the batch's least time, and
/// openings / least time the rate the limits allow. A batch that fits in every bucket's first window is not bounded
/// by the limits at all.
/// </summary>
internal sealed record RateLimitBudget(int Openings, IReadOnlyList<RouteUse> Routes, double ExemptPerOpening, string Binding, TimeSpan LeastTime)
{
    /// <summary>Discord's "major parameters": a route's bucket is kept apart per value of these.</summary>
    private static readonly string[] MajorParameters =
        ["{channel_id}", "{guild_id}", "{webhook_id}", "{webhook_token}", "{interaction_id}", "{interaction_token}"];

    public double BotRequestsPerOpening => Routes.Sum(r => r.PerOpening);

    /// <summary>Null when the limits do not bound the batch.</summary>
    public double? AllowedPerSecond => LeastTime > TimeSpan.Zero ? Openings / LeastTime.TotalSeconds : null;

    /// <param name="requests">Everything the emulator received while the batch was worked on.</param>
    /// <param name="openings">The openings those requests made.</param>
    /// <param name="apiPrefix">The path prefix of the emulator's API (/api/v10), which route templates leave out.</param>
    public static RateLimitBudget Of(IReadOnlyList<RecordedRequest> requests, string botToken, RateLimitOptions limits, string apiPrefix, int openings)
    {
        var routed = requests.Where(r => r.Route is not null).ToList();
        var bot = routed.Where(r => r.Caller == botToken).ToList();

        // The emulator does not expose per-route rules; every route an opening uses takes its default rule.
        var route = limits.DefaultRoute;
        var global = limits.Global;
        var busiestBucket = bot.GroupBy(r => (r.Route, Major: MajorOf(r, apiPrefix))).MaxBy(g => g.Count());
        var globalTime = Needed(bot.Count, global);
        var bucketTime = busiestBucket is null ? TimeSpan.Zero : Needed(busiestBucket.Count(), route);
        var (binding, leastTime) = globalTime >= bucketTime
            ? ($"the bot's global limit ({global.Limit} per {global.Window.TotalSeconds:0.#} s): {bot.Count} requests", globalTime)
            : ($"{busiestBucket!.Key.Route} ({route.Limit} per {route.Window.TotalSeconds:0.#} s per major parameter): {busiestBucket.Count()} requests for {busiestBucket.Key.Major}", bucketTime);

        return new RateLimitBudget(
            openings,
            [.. bot.GroupBy(r => r.Route!).OrderByDescending(g => g.Count()).Select(g => new RouteUse(g.Key, g.Count() / (double)openings))],
            (routed.Count - bot.Count) / (double)openings,
            binding,
            leastTime);
    }

    private static TimeSpan Needed(int requests, BucketRule rule) =>
        rule.Window * Math.Max(0, Math.Ceiling(requests / (double)rule.Limit) - 1);

    /// <summary>The values of the route's major parameters in the request's path, e.g. "channel_id=123".</summary>
    private static string MajorOf(RecordedRequest request, string apiPrefix)
    {
        var template = request.Route!.Split(' ', 2)[1].Split('/');
        var path = request.Path[apiPrefix.Length..].Split('/');
        return string.Join(", ", template.Zip(path)
            .Where(segment => MajorParameters.Contains(segment.First))
            .Select(segment => $"{segment.First.Trim('{', '}')}={segment.Second}"));
    }
}
