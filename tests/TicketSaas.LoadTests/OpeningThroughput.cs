using System.Diagnostics;
using TicketSaas.Discord.Emulator.State;

namespace TicketSaas.LoadTests;

internal sealed record ThroughputResult(
    int Openings,
    TimeSpan LoneOpening,
    TimeSpan Elapsed,
    int Finished,
    int TooManyRequests,
    RateLimitBudget Budget,
    RunResult Submissions)
{
    public int NotFinished => Openings - Finished;

    public double AchievedPerSecond => Finished / Elapsed.TotalSeconds;

    /// <summary>Null when the limits do not bound the batch.</summary>
    public double? ShareOfAllowed => AchievedPerSecond / Budget.AllowedPerSecond;
}

/// <summary>
/// Open-to-welcome throughput: a batch of form submissions from distinct members, sent as fast as the interactions
/// benchmark sends, and the time until every ticket's welcome message is in its thread. The bot host's opening worker
/// does the Discord calls in the background, within Discord's rate limits; the result says how close it came to the
/// rate those limits allow.
/// </summary>
internal static class OpeningThroughput
{
    /// <summary>When no welcome appears for this long, the remaining openings count as not finished.</summary>
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <param name="alone">
    /// Openings sent one at a time, each after the previous one's welcome: they warm the opening path up, and the
    /// last shows the open-to-welcome time of an opening that waits for nothing.
    /// </param>
    /// <param name="batch">The measured openings.</param>
    public static async Task<ThroughputResult> RunAsync(
        ProductScene scene, Workload workload, IReadOnlyList<PlannedInteraction> alone, IReadOnlyList<PlannedInteraction> batch, LoadOptions options)
    {
        var emulator = scene.Emulator;
        var loneOpening = TimeSpan.Zero;
        IReadOnlyList<DiscordMessage> lone = [];
        foreach (var opening in alone)
        {
            var sent = DateTimeOffset.UtcNow;
            await workload.SendAsync(opening, CancellationToken.None);
            var found = await WaitForWelcomesAsync(scene, workload, lone.Count + 1);
            if (found.Count == lone.Count)
            {
                throw new InvalidOperationException($"An opening sent alone got no welcome message within {Stall.TotalSeconds} s.");
            }

            lone = found;
            loneOpening = found.Max(w => w.Timestamp) - sent;
        }

        // Buckets the lone openings used must be full again, or the batch would start short of what the limits allow.
        await Task.Delay(scene.Limits.DefaultRoute.Window);
        emulator.Requests.Clear();
        var start = DateTimeOffset.UtcNow;
        var submissions = await OpenLoop.RunAsync("openings", batch, warmUp: 0, options.Rate, options.Timeout, workload.SendAsync,
            new CpuMeter([CpuMeter.LoadGenerator]));

        // A submission answered with anything but a deferral will never be opened: no point waiting for it. One that
        // timed out may still have been accepted.
        var refused = submissions.Kinds.SelectMany(k => k.Answers)
            .Where(a => a.Key is not (OpenLoop.DeferralAnswer or OpenLoop.TimeoutAnswer))
            .Sum(a => a.Value);
        var welcomes = (await WaitForWelcomesAsync(scene, workload, lone.Count + batch.Count - refused))
            .ExceptBy(lone.Select(w => w.Id), w => w.Id)
            .ToList();

        var elapsed = welcomes.Count == 0 ? TimeSpan.Zero : welcomes.Max(w => w.Timestamp) - start;

        // Refused submissions never reach Discord: the budget is that of the openings that did.
        var budget = RateLimitBudget.Of(emulator.Requests.All, scene.BotToken, scene.Limits, emulator.ApiBaseUri.AbsolutePath.TrimEnd('/'), welcomes.Count);
        return new ThroughputResult(batch.Count, loneOpening, elapsed, welcomes.Count,
            emulator.TooManyRequestsCount(scene.BotToken), budget, submissions);
    }

    /// <summary>Waits until <paramref name="count"/> welcomes exist, or none appeared for <see cref="Stall"/>; returns those found.</summary>
    private static async Task<IReadOnlyList<DiscordMessage>> WaitForWelcomesAsync(ProductScene scene, Workload workload, int count)
    {
        var found = 0;
        var progress = Stopwatch.StartNew();
        while (true)
        {
            var welcomes = scene.Guilds.SelectMany(workload.Welcomes).ToList();
            if (welcomes.Count >= count || progress.Elapsed > Stall)
            {
                return welcomes;
            }

            if (welcomes.Count > found)
            {
                found = welcomes.Count;
                progress.Restart();
            }

            await Task.Delay(PollInterval);
        }
    }
}
