using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.Interactions;

namespace TicketSaas.LoadTests;

internal enum Outcome : byte
{
    /// <summary>A 2xx answer.</summary>
    Answered,

    /// <summary>An answer with another status.</summary>
    NotSuccess,

    /// <summary>No answer within the timeout; counted in the latencies at the timeout.</summary>
    TimedOut,

    /// <summary>No answer at all (e.g. the connection was refused); left out of the latencies.</summary>
    Failed,
}

/// <param name="Lag">How late the send left against its schedule.</param>
internal readonly record struct Sample(TimeSpan Latency, Outcome Outcome, string Answer, TimeSpan Lag);

internal sealed record KindResult(string Kind, LatencySamples Latency, IReadOnlyDictionary<string, int> Answers);

internal sealed record RunResult(
    string Target,
    LatencySamples Latency,
    int Sent,
    int NotSuccess,
    int TimedOut,
    int Failed,
    LatencySamples Lag,
    IReadOnlyList<KindResult> Kinds,
    IReadOnlyList<CpuShare> Cpu);

/// <summary>What came back for one send: how long it took, its HTTP status and what it was (a label for the figures).</summary>
internal readonly record struct Answer(TimeSpan Elapsed, int StatusCode, string Label);

/// <summary>
/// An open-loop load: sends leave on a fixed schedule (request i at i / rate seconds) whatever the answers do, as
/// Discord's members and the panel's users do. A closed loop would wait for slow answers and send less while the target struggles, hiding
/// exactly the latencies that matter (coordinated omission).
/// </summary>
internal static class OpenLoop
{
    public const string DeferralAnswer = "deferral";

    public const string TimeoutAnswer = "timeout";

    /// <param name="warmUp">The first sends, which warm the target up and are left out of every figure.</param>
    public static Task<RunResult> RunAsync(
        string target,
        IReadOnlyList<PlannedInteraction> plan,
        int warmUp,
        int rate,
        TimeSpan timeout,
        Func<PlannedInteraction, CancellationToken, Task<InteractionDelivery>> send,
        CpuMeter cpu) =>
        RunAsync(target, plan, p => p.Kind.ToString(), warmUp, rate, timeout, async (p, ct) =>
        {
            var delivery = await send(p, ct);
            return new Answer(delivery.Elapsed, delivery.StatusCode, Label(delivery));
        }, cpu);

    /// <param name="kindOf">What a planned send is, for the figures by kind.</param>
    /// <param name="warmUp">The first sends, which warm the target up and are left out of every figure.</param>
    public static async Task<RunResult> RunAsync<T>(
        string target,
        IReadOnlyList<T> plan,
        Func<T, string> kindOf,
        int warmUp,
        int rate,
        TimeSpan timeout,
        Func<T, CancellationToken, Task<Answer>> send,
        CpuMeter cpu)
    {
        var samples = new Sample[plan.Count];
        var sends = new Task[plan.Count];
        var interval = (double)Stopwatch.Frequency / rate;
        var scheduled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task SendAsync(int index, long due)
        {
            var lag = Stopwatch.GetElapsedTime(due);
            using var deadline = new CancellationTokenSource(timeout);
            try
            {
                var answer = await send(plan[index], deadline.Token);
                var outcome = answer.StatusCode is >= 200 and < 300 ? Outcome.Answered : Outcome.NotSuccess;
                samples[index] = new Sample(answer.Elapsed, outcome, answer.Label, lag);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                samples[index] = new Sample(timeout, Outcome.TimedOut, TimeoutAnswer, lag);
            }
            catch (HttpRequestException failure)
            {
                samples[index] = new Sample(TimeSpan.Zero, Outcome.Failed, $"no answer ({failure.HttpRequestError})", lag);
            }
        }

        // A thread of its own, so a busy thread pool cannot hold the schedule back; each send runs on the pool.
        var start = Stopwatch.GetTimestamp();
        var schedule = new Thread(() =>
        {
            for (var i = 0; i < plan.Count; i++)
            {
                var due = start + (long)(i * interval);
                SleepUntil(due);
                if (i == warmUp)
                {
                    cpu.Start();
                }

                var index = i;
                sends[i] = Task.Run(() => SendAsync(index, due));
            }

            cpu.Stop();
            scheduled.SetResult();
        })
        { IsBackground = true, Name = "open-loop schedule" };
        schedule.Start();
        await scheduled.Task;
        await Task.WhenAll(sends);

        var measured = samples.Skip(warmUp).Select((sample, i) => (sample, Kind: kindOf(plan[warmUp + i]))).ToList();
        var answered = measured.Where(m => m.sample.Outcome != Outcome.Failed).ToList();
        return new RunResult(
            target,
            new LatencySamples(answered.Select(m => m.sample.Latency)),
            measured.Count,
            measured.Count(m => m.sample.Outcome == Outcome.NotSuccess),
            measured.Count(m => m.sample.Outcome == Outcome.TimedOut),
            measured.Count(m => m.sample.Outcome == Outcome.Failed),
            new LatencySamples(measured.Select(m => m.sample.Lag)),
            [.. measured.GroupBy(m => m.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new KindResult(
                g.Key,
                new LatencySamples(g.Where(m => m.sample.Outcome != Outcome.Failed).Select(m => m.sample.Latency)),
                g.GroupBy(m => m.sample.Answer).OrderByDescending(a => a.Count()).ToDictionary(a => a.Key, a => a.Count())))],
            cpu.Shares);
    }

    /// <summary>
    /// Sleeps rather than spins, leaving both cores to the processes being measured: a send may leave about a
    /// millisecond late, which the lag figures report.
    /// </summary>
    private static void SleepUntil(long due)
    {
        while (Stopwatch.GetTimestamp() is var now && now < due)
        {
            Thread.Sleep(Math.Max(1, (int)((due - now) * 1000 / Stopwatch.Frequency)));
        }
    }

    /// <summary>What the member would have seen: the response type, or why there was none.</summary>
    private static string Label(InteractionDelivery delivery)
    {
        if (delivery.StatusCode is < 200 or >= 300)
        {
            return $"HTTP {delivery.StatusCode.ToString(CultureInfo.InvariantCulture)}";
        }

        if (delivery.Refusal is { } refusal)
        {
            // Discord would have rejected the answer itself (too late, or malformed): "This interaction failed".
            return $"refused by Discord: {refusal["message"]}";
        }

        return (delivery.Json as JsonObject)?["type"] is JsonValue type && type.TryGetValue<int>(out var value)
            ? value switch
            {
                1 => "pong",
                4 => "message",
                5 => DeferralAnswer,
                6 or 7 => "message update",
                9 => "modal",
                _ => $"type {value.ToString(CultureInfo.InvariantCulture)}",
            }
            : "not an interaction response";
    }
}
