using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using TicketSaas.BuildingBlocks.Discord.Gateway;
using TicketSaas.Discord.Emulator;
using TicketSaas.Discord.Emulator.Gateway;

namespace TicketSaas.Discord.GatewayTests;

/// <summary>
/// Four shards run by two OS processes (TicketSaas.Discord.ShardRunner, shards 0–1 and 2–3), as a bot scaled out
/// over two hosts would run them; and shards that wait for their identify turns on open connections.
/// </summary>
public sealed class ShardingTests
{
    private const int ShardCount = 4;
    private const int MaxConcurrency = 2;

    /// <summary>
    /// The schedule starts a bucket's identifies a quarter interval more than an interval apart, and the spacing is
    /// asserted where they arrive: a quarter of a second absorbs the delays of a loaded two-core machine.
    /// </summary>
    private static readonly TimeSpan IdentifyInterval = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Each_guild_reaches_exactly_the_shard_its_id_names_and_identifies_are_spaced_per_bucket()
    {
        // Discord's own heartbeat interval: with a fraction of a second, a shard process starved of CPU misses an ACK
        // and rightly identifies again, which the count of identifies would take for a fault of the schedule.
        await using var emulator = await DiscordEmulator.StartAsync(new DiscordEmulatorOptions
        {
            GatewayShards = ShardCount,
            GatewayMaxConcurrency = MaxConcurrency,
        });
        var owner = emulator.State.AddUser("owner");
        var channels = new Dictionary<ulong, ulong>();
        // A guild's shard comes from the millisecond its id was made: make guilds until every shard has two.
        while (Enumerable.Range(0, ShardCount).Any(shard => channels.Keys.Count(g => DiscordGatewayClient.ShardOf(g, ShardCount) == shard) < 2))
        {
            var guild = emulator.State.AddGuild($"guild {channels.Count}", owner.Id, emulator.Bot);
            channels[guild.Id] = emulator.State.AddTextChannel(guild.Id, "tickets").Id;
            await Task.Delay(1);
        }

        using var first = ShardProcess.Start(emulator, firstShard: 0);
        using var second = ShardProcess.Start(emulator, firstShard: 2);
        await Eventually.WaitAsync(() => first.Lines.Count(l => l.Name == "GUILD_CREATE") + second.Lines.Count(l => l.Name == "GUILD_CREATE") >= channels.Count,
            "every guild's GUILD_CREATE");
        foreach (var channel in channels.Values)
        {
            emulator.State.PostUserMessage(channel, owner.Id, "hello");
        }

        await Eventually.WaitAsync(() => first.Lines.Count(l => l.Name == "MESSAGE_CREATE") + second.Lines.Count(l => l.Name == "MESSAGE_CREATE") >= channels.Count,
            "every guild's MESSAGE_CREATE");
        await first.StopAsync();
        await second.StopAsync();

        foreach (var (process, shards) in new[] { (first, new[] { 0, 1 }), (second, new[] { 2, 3 }) })
        {
            Assert.All(process.Lines, line => Assert.Contains(line.Shard, shards));
        }

        var guildEvents = first.Lines.Concat(second.Lines).Where(l => l.Guild is not null).ToList();
        foreach (var guildId in channels.Keys)
        {
            var expected = DiscordGatewayClient.ShardOf(guildId, ShardCount);
            Assert.Equal([(expected, "GUILD_CREATE"), (expected, "MESSAGE_CREATE")],
                guildEvents.Where(l => l.Guild == guildId).Select(l => (l.Shard, l.Name)));
        }

        var identifies = emulator.Gateway.Log.Where(e => e.Kind == GatewayLogKind.Identified).ToList();
        Assert.Equal([0, 1, 2, 3], identifies.Select(e => e.Shard!.Value).Order());
        foreach (var bucket in identifies.GroupBy(e => e.Shard!.Value % MaxConcurrency))
        {
            var times = bucket.Select(e => e.Time).Order().ToList();
            Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= IdentifyInterval,
                $"bucket {bucket.Key}: identifies {(pair.Second - pair.First).TotalMilliseconds} ms apart"));
        }
    }

    [Fact]
    public async Task A_shard_whose_turn_is_heartbeats_away_identifies_on_the_connection_it_waited_on()
    {
        // Two shards of one bucket: the later one's turn comes a slot, one and a half intervals, after the earlier
        // one's. Beating every half interval, it has needed an ACK before then, while it was still waiting.
        await using var scene = await GatewayScene.StartAsync(options =>
        {
            options.GatewayShards = 2;
            options.GatewayHeartbeatInterval = IdentifyInterval / 2;
        });
        scene.StartClient(options =>
        {
            options.ShardCount = 2;
            options.IdentifyInterval = IdentifyInterval;
        });

        await scene.Events.WaitForCountAsync<SessionReady>(2);

        Assert.Contains(scene.Gateway.Log, e => e.Kind == GatewayLogKind.HeartbeatReceived && e.Shard is null);
        Assert.Equal(2, scene.Count(GatewayLogKind.Connected));
        Assert.Equal([0, 1], scene.Gateway.Log.Where(e => e.Kind == GatewayLogKind.Identified).Select(e => e.Shard!.Value).Order());
    }

    private sealed record Line(int Shard, string Name, ulong? Guild);

    private sealed class ShardProcess : IDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<Line> _lines = new();
        private readonly ConcurrentQueue<string> _errors = new();

        private ShardProcess(Process process)
        {
            _process = process;
        }

        public IReadOnlyList<Line> Lines => [.. _lines];

        public static ShardProcess Start(DiscordEmulator emulator, int firstShard)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
                     {
                         Path.Combine(AppContext.BaseDirectory, "TicketSaas.Discord.ShardRunner.dll"),
                         emulator.ApiBaseUri.ToString(), emulator.Bot.Token, firstShard.ToString(CultureInfo.InvariantCulture), "2",
                         ShardCount.ToString(CultureInfo.InvariantCulture), IdentifyInterval.TotalMilliseconds.ToString(CultureInfo.InvariantCulture),
                     })
            {
                start.ArgumentList.Add(argument);
            }

            var shardProcess = new ShardProcess(Process.Start(start)!);
            shardProcess._process.OutputDataReceived += (_, e) => shardProcess.Read(e.Data);
            shardProcess._process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is { } error)
                {
                    shardProcess._errors.Enqueue(error);
                }
            };
            shardProcess._process.BeginOutputReadLine();
            shardProcess._process.BeginErrorReadLine();
            return shardProcess;
        }

        /// <summary>Closing stdin is the runner's signal to stop.</summary>
        public async Task StopAsync()
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(timeout.Token);
            Assert.True(_process.ExitCode == 0, $"the shard runner failed: {string.Join('\n', _errors)}");
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }

            _process.Dispose();
        }

        private void Read(string? line)
        {
            var parts = line?.Split(' ');
            if (parts is { Length: 3 } && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var shard))
            {
                _lines.Enqueue(new Line(shard, parts[1], parts[2] == "-" ? null : ulong.Parse(parts[2], CultureInfo.InvariantCulture)));
            }
        }
    }
}
