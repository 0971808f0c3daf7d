namespace TicketSaas.LoadTests;

/// <summary>
/// The whole run: the product on a fresh database; open-to-welcome throughput first, on idle hosts (its tickets are
/// the ones the mixed workload then claims); the mixed workload against the bot host; the same workload against
/// the bare endpoint once the bot host, and the openings it still had queued, are gone.
/// </summary>
internal static class Benchmark
{
    /// <summary>Openings sent one at a time before the batch: the first warms the opening path up, the second is timed.</summary>
    private const int OpeningsAlone = 2;

    /// <returns>Whether everything that must hold at any load held.</returns>
    public static async Task<bool> RunAsync(LoadOptions options)
    {
        var openers = new OpenerSlots(options.Guilds);
        var alone = InteractionPlan.Openings(OpeningsAlone, openers);
        var batch = InteractionPlan.Openings(options.Openings, openers);
        var mixed = InteractionPlan.Mixed(options.WarmUpCount + options.MeasuredCount, openers);
        Report.Header(options);

        Report.Progress($"starting the emulator, the API host and the bot host; configuring {options.Guilds} guilds");
        await using var scene = await ProductScene.StartAsync(options.Database, openers.PerGuild);
        var bot = scene.Bot!;
        var api = scene.Api;
        var workload = new Workload(scene.Emulator, scene.Guilds);
        workload.Target(new Uri(bot.BaseAddress, "interactions"));

        Report.Progress($"{options.Openings} openings");
        var throughput = await OpeningThroughput.RunAsync(scene, workload, alone, batch, options);

        Report.Progress($"mixed workload against the bot host ({options.WarmUp.TotalSeconds + options.Duration.TotalSeconds} s)");
        workload.FindClaimableTickets();
        var tooManyBefore = scene.Emulator.TooManyRequestsCount(scene.BotToken);
        var problemsBefore = bot.LoggedProblems;
        var botRun = await OpenLoop.RunAsync(bot.Name, mixed, options.WarmUpCount, options.Rate, options.Timeout, workload.SendAsync,
            new CpuMeter([CpuMeter.LoadGenerator, (bot.Name, () => bot.CpuTime), (api.Name, () => api.CpuTime)]));
        var tooManyInRun = scene.Emulator.TooManyRequestsCount(scene.BotToken) - tooManyBefore;
        var problems = (bot.LoggedProblems.Warnings - problemsBefore.Warnings, bot.LoggedProblems.Errors - problemsBefore.Errors);
        await scene.StopBotAsync();

        Report.Progress("the same workload against the bare endpoint");
        await using var baseline = await BareEndpoint.StartAsync(options.Database, scene.Emulator.PublicKeyHex, ProductScene.BotHostAssembly);
        var bare = baseline.Process;
        workload.Target(new Uri(bare.BaseAddress, "interactions"));
        var bareRun = await OpenLoop.RunAsync(bare.Name, mixed, options.WarmUpCount, options.Rate, options.Timeout, workload.SendAsync,
            new CpuMeter([CpuMeter.LoadGenerator, (bare.Name, () => bare.CpuTime), (api.Name, () => api.CpuTime)]));

        Report.Interactions(botRun, bareRun);
        Report.BotHostHealth(problems, tooManyInRun);
        Report.Throughput(throughput);
        Report.Bars(botRun, bareRun, throughput);
        Report.Problems(bot.Name, bot.Problems);
        return Report.MustHold([botRun, bareRun, throughput.Submissions], throughput, tooManyInRun);
    }
}
