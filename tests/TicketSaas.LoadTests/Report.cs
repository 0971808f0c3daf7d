using System.Globalization;

namespace TicketSaas.LoadTests;

/// <summary>The figures, printed to standard output (progress goes to standard error).</summary>
internal static class Report
{
    /// <summary>The quality bar for interactions (BRIEF.md, section 4).</summary>
    private const double P99BarMs = 15;

    private const double BareRatioBar = 1.5;

    private const double ThroughputBar = 0.90;

    public static void Progress(string step) => Console.Error.WriteLine($"… {step}");

    public static void Header(LoadOptions options)
    {
        Line($"TicketSaas interactions load benchmark{(options.Dry ? " — DRY RUN: proves it runs; the figures mean little" : "")}");
        Line($"{options.Rate} interactions/s for {options.Duration.TotalSeconds} s after a {options.WarmUp.TotalSeconds} s warm-up, open loop");
        Line($"{options.Guilds} guilds, {options.Database} database, {Environment.ProcessorCount} cores, timeout {options.Timeout.TotalSeconds} s");
        Line($"");
        Line($"Mixed workload, by share of all interactions:");
        foreach (var (kind, percent) in InteractionPlan.Mix)
        {
            Line($"  {percent,3} %  {InteractionPlan.Describe(kind)}");
        }
    }

    public static void Interactions(RunResult bot, RunResult bare)
    {
        Line($"");
        Line($"First response to an interaction, in ms, from just before the request is written until the answer has arrived:");
        Line($"{"target",-15} {"sent",7} {"p50",7} {"p90",7} {"p99",7} {"p99.9",7} {"max",8} {"non-2xx",8} {"timeouts",9} {"no answer",10}");
        foreach (var run in new[] { bot, bare })
        {
            var l = run.Latency;
            Line($"{run.Target,-15} {run.Sent,7} {l.Percentile(50),7:0.00} {l.Percentile(90),7:0.00} {l.Percentile(99),7:0.00} {l.Percentile(99.9),7:0.00} {l.Max,8:0.00} {run.NotSuccess,8} {run.TimedOut,9} {run.Failed,10}");
        }

        Line($"p99 bot host / bare endpoint = {Ratio(bot, bare, 99):0.00}×; p50 = {Ratio(bot, bare, 50):0.00}×");
        Line($"");
        Line($"Bot host by kind:");
        Line($"{"kind",-18} {"sent",7} {"p50",7} {"p99",7} {"max",8}  answers");
        foreach (var kind in bot.Kinds)
        {
            var answers = string.Join(", ", kind.Answers.Select(a => $"{a.Key} {a.Value}"));
            Line($"{kind.Kind,-18} {kind.Answers.Values.Sum(),7} {kind.Latency.Percentile(50),7:0.00} {kind.Latency.Percentile(99),7:0.00} {kind.Latency.Max,8:0.00}  {answers}");
        }

        Line($"");
        Line($"CPU used while the measured sends went out, as a share of all {Environment.ProcessorCount} cores:");
        foreach (var run in new[] { bot, bare })
        {
            Line($"  {run.Target + " run:",-20} {string.Join(", ", run.Cpu.Select(c => Invariant($"{c.Process} {c.Share:P1}")))}");
        }

        Line($"Sends behind schedule: {string.Join("; ", new[] { bot, bare }.Select(r => Invariant($"{r.Target} run p99 {r.Lag.Percentile(99):0.00} ms, max {r.Lag.Max:0.00} ms")))}");
    }

    public static void BotHostHealth((int Warnings, int Errors) logged, int tooManyRequests)
    {
        Line($"Bot host during its run: {logged.Warnings} warnings and {logged.Errors} errors logged; {tooManyRequests} answers 429 to the bot token");
    }

    /// <param name="problems">What a process logged as warnings and errors over its whole life, most frequent first.</param>
    public static void Problems(string process, IReadOnlyList<(string Problem, int Count)> problems)
    {
        const int Shown = 6;
        Line($"");
        Line($"Warnings and errors the {process} logged over its whole life{(problems.Count == 0 ? ": none" : ", most frequent first:")}");
        foreach (var (problem, count) in problems.Take(Shown))
        {
            Line($"  {count,6}× {problem}");
        }
    }

    public static void Throughput(ThroughputResult result)
    {
        var budget = result.Budget;
        Line($"");
        Line($"Open-to-welcome throughput, {result.Openings} openings:");
        Line($"  an opening alone, warmed up: {result.LoneOpening.TotalMilliseconds:0} ms from submission to welcome");
        Line($"  {result.Finished} welcomes {result.Elapsed.TotalSeconds:0.00} s after the first submission: {result.AchievedPerSecond:0.00} openings/s");
        Line($"  per opening the bot token made {budget.BotRequestsPerOpening:0.00} requests: {string.Join(", ", budget.Routes.Select(r => Invariant($"{r.Route} ×{r.PerOpening:0.00}")))}");
        Line($"  and {budget.ExemptPerOpening:0.00} more by interaction token, outside the global limit");
        if (budget.AllowedPerSecond is { } allowed)
        {
            Line($"  Discord's limits allow {allowed:0.00} openings/s (least time {budget.LeastTime.TotalSeconds:0.00} s, bound by {budget.Binding})");
        }
        else
        {
            Line($"  Discord's limits do not bound a batch this small: every bucket's requests fit in its first window");
        }

        Line($"  achieved / allowed: {Share(result.ShareOfAllowed)}");
        Line($"  429 answers: {result.TooManyRequests} (must be 0); openings not finished: {result.NotFinished} (must be 0)");
        var first = result.Submissions.Latency;
        var answers = string.Join(", ", result.Submissions.Kinds.SelectMany(k => k.Answers).Select(a => $"{a.Key} {a.Value}"));
        Line($"  first responses to the submissions: {answers}; p50 {first.Percentile(50):0.00} ms, p99 {first.Percentile(99):0.00} ms, max {first.Max:0.00} ms");
    }

    /// <summary>The quality bar, side by side with what was measured; informative only, the exit code does not depend on it.</summary>
    public static void Bars(RunResult bot, RunResult bare, ThroughputResult throughput)
    {
        Line($"");
        Line($"Against the quality bar (informative):");
        Line($"  bot host p99 {bot.Latency.Percentile(99):0.00} ms ≤ {P99BarMs} ms: {Verdict(bot.Latency.Percentile(99) <= P99BarMs)}");
        Line($"  p99 within {BareRatioBar}× of the bare endpoint ({Ratio(bot, bare, 99):0.00}×): {Verdict(Ratio(bot, bare, 99) <= BareRatioBar)}");
        Line($"  ≥ {ThroughputBar:P0} of the openings the limits allow ({Share(throughput.ShareOfAllowed)}): {(throughput.ShareOfAllowed is { } share ? Verdict(share >= ThroughputBar) : "not applicable")}");
    }

    /// <summary>What must hold at any load; the exit code is 1 unless all of it did.</summary>
    public static bool MustHold(IReadOnlyList<RunResult> runs, ThroughputResult throughput, int tooManyRequestsInMixedRun)
    {
        var failures = runs
            .Where(r => r.NotSuccess + r.TimedOut + r.Failed > 0)
            .Select(r => $"{r.Target}: {r.NotSuccess} non-2xx, {r.TimedOut} timeouts, {r.Failed} without answer")
            .Concat(throughput.TooManyRequests > 0 ? [$"{throughput.TooManyRequests} answers 429 during the openings"] : [])
            .Concat(throughput.NotFinished > 0 ? [$"{throughput.NotFinished} openings not finished"] : [])
            .Concat(tooManyRequestsInMixedRun > 0 ? [$"{tooManyRequestsInMixedRun} answers 429 during the bot host's run"] : [])
            .ToList();
        Line($"");
        if (failures.Count == 0)
        {
            Line($"Every interaction answered 2xx in time, no 429, no opening lost.");
            return true;
        }

        Line($"FAILED: {string.Join("; ", failures)}");
        return false;
    }

    private static double Ratio(RunResult bot, RunResult bare, double percentile) =>
        bot.Latency.Percentile(percentile) / bare.Latency.Percentile(percentile);

    private static string Verdict(bool met) => met ? "met" : "NOT met";

    private static string Share(double? share) => share is { } value ? Invariant($"{value:P1}") : "not applicable";

    private static void Line(FormattableString text) => Console.WriteLine(Invariant(text));

    /// <summary>Figures read the same on every machine, whatever its culture.</summary>
    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
