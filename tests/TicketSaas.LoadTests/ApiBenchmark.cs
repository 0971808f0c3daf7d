extern alias api;
using System.Diagnostics;
using System.Globalization;
using TicketSaas.Testing;

namespace TicketSaas.LoadTests;

/// <summary>One request of the API workload: which guild's admin asks for what.</summary>
internal readonly record struct ApiRequest(string Kind, ulong GuildId, string Path);

/// <summary>
/// The panel's heaviest reads under load (<c>--api</c>): the API host alone, as built, on MariaDB seeded with a million
/// tickets across ten thousand guilds; an open loop of ticket lists (unfiltered and open tickets) and filtered
/// transcript searches, each as the guild's admin, from this process on 127.0.0.1.
/// </summary>
internal static class ApiBenchmark
{
    public const string TicketList = "ticket list";
    public const string OpenTickets = "open tickets";
    public const string TranscriptSearch = "transcripts by opener";
    public const string FullTextSearch = "transcripts by words";

    /// <summary>BRIEF §4: what a list or search may take at the 99th percentile.</summary>
    private const double TargetP99Milliseconds = 20;

    public static async Task<bool> RunAsync(LoadOptions options)
    {
        Line($"TicketSaas API read benchmark{(options.Dry ? " — DRY RUN: proves it runs; the figures mean little" : "")}");
        Line($"{options.Rate} requests/s for {options.Duration.TotalSeconds} s after a {options.WarmUp.TotalSeconds} s warm-up, open loop, timeout {options.Timeout.TotalSeconds} s");
        Line($"{options.Tickets:N0} tickets across {options.Guilds:N0} guilds, MariaDB, {Environment.ProcessorCount} cores");
        Line($"Requests, a quarter each: GET …/tickets, GET …/tickets?status=open, GET …/transcripts?opener=…, GET …/transcripts?q=… (full text; 50 per page, as the guild's admin)");

        Report.Progress("a fresh MariaDB database and the API host (which migrates it)");
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.MariaDb);
        await using var host = await ChildProcess.StartAsync("API host", typeof(api::Program).Assembly.Location,
            new Dictionary<string, string>(database.Settings)
            {
                ["Authentication:DevelopmentHeaders"] = "true",
                // One admin sends the whole load: the limits per user and per guild would answer most of it with 429.
                ["RateLimits:PerUser:PermitLimit"] = "100000000",
                ["RateLimits:PerGuild:PermitLimit"] = "100000000",
            });
        Report.Progress($"seeding {options.Tickets:N0} tickets");
        var seeding = Stopwatch.StartNew();
        var guilds = await ApiSeed.SeedAsync(database.ConnectionString, options.Guilds, options.Tickets);
        Line($"Seeded in {seeding.Elapsed.TotalSeconds:0} s");

        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = host.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var plan = Plan(guilds, options.WarmUpCount + options.MeasuredCount);
        Report.Progress($"the workload ({options.WarmUp.TotalSeconds + options.Duration.TotalSeconds} s)");
        var problemsBefore = host.LoggedProblems;
        var run = await OpenLoop.RunAsync(host.Name, plan, r => r.Kind, options.WarmUpCount, options.Rate, options.Timeout,
            (request, ct) => SendAsync(http, request, ct),
            new CpuMeter([("load generator", () => Environment.CpuUsage.TotalTime), (host.Name, () => host.CpuTime)]));

        Line($"");
        Line($"Latency in ms, from just before the request is written until the whole body has arrived:");
        Line($"{"request",-22} {"sent",7} {"p50",7} {"p90",7} {"p99",7} {"max",8}  answers");
        foreach (var kind in run.Kinds)
        {
            var l = kind.Latency;
            Line($"{kind.Kind,-22} {kind.Answers.Values.Sum(),7} {l.Percentile(50),7:0.00} {l.Percentile(90),7:0.00} {l.Percentile(99),7:0.00} {l.Max,8:0.00}  {string.Join(", ", kind.Answers.Select(a => $"{a.Key} {a.Value}"))}");
        }

        var all = run.Latency;
        Line($"{"all",-22} {run.Sent,7} {all.Percentile(50),7:0.00} {all.Percentile(90),7:0.00} {all.Percentile(99),7:0.00} {all.Max,8:0.00}  non-2xx {run.NotSuccess}, timeouts {run.TimedOut}, no answer {run.Failed}");
        Line($"CPU while the measured requests went out, as a share of all {Environment.ProcessorCount} cores: {string.Join(", ", run.Cpu.Select(c => Invariant($"{c.Process} {c.Share:P1}")))} (MariaDB not counted)");
        Line($"Sends behind schedule: p99 {run.Lag.Percentile(99):0.00} ms, max {run.Lag.Max:0.00} ms");
        var logged = (host.LoggedProblems.Warnings - problemsBefore.Warnings, host.LoggedProblems.Errors - problemsBefore.Errors);
        Line($"API host log during the run: {logged.Item1} warnings, {logged.Item2} errors");
        Line($"");
        foreach (var kind in run.Kinds)
        {
            Line($"Bar (BRIEF §4), {kind.Kind}: p99 ≤ {TargetP99Milliseconds} ms: {(kind.Latency.Percentile(99) <= TargetP99Milliseconds ? "met" : "NOT met")}");
        }

        Report.Problems(host.Name, host.Problems);
        return run.NotSuccess == 0 && run.Failed == 0 && run.TimedOut == 0;
    }

    /// <summary>Guilds and filters from a fixed seed, so every run sends the same sequence.</summary>
    private static List<ApiRequest> Plan(SeededGuilds guilds, int count)
    {
        var random = new Random(17);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var guild = random.Next(guilds.GuildIds.Count);
            var id = guilds.GuildIds[guild];
            return (i % 4) switch
            {
                0 => new ApiRequest(TicketList, id, Invariant($"/api/v1/guilds/{id}/tickets")),
                1 => new ApiRequest(OpenTickets, id, Invariant($"/api/v1/guilds/{id}/tickets?status=open")),
                2 => new ApiRequest(FullTextSearch, id, Invariant($"/api/v1/guilds/{id}/transcripts?q={SeededGuilds.Word(random.Next(SeededGuilds.Words))}")),
                _ => new ApiRequest(TranscriptSearch, id, Invariant($"/api/v1/guilds/{id}/transcripts?opener={guilds.Opener(guild, random.Next(guilds.OpenersPerGuild))}")),
            };
        })];
    }

    private static async Task<Answer> SendAsync(HttpClient http, ApiRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, request.Path);
        var guild = request.GuildId.ToString(CultureInfo.InvariantCulture);
        message.Headers.Add("X-Dev-User", "800000000000000001");
        message.Headers.Add("X-Dev-Managed-Guilds", guild);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(message, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new Answer(Stopwatch.GetElapsedTime(started), (int)response.StatusCode, Invariant($"HTTP {(int)response.StatusCode}"));
    }

    private static void Line(FormattableString text) => Console.WriteLine(Invariant(text));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
