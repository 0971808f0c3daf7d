using Microsoft.Extensions.Logging;
using TicketSaas.BuildingBlocks.Discord.Entities;

namespace TicketSaas.BuildingBlocks.Discord.Gateway;

/// <summary>
/// Runs this process's range of gateway shards and hands their dispatches to one handler.
/// <para>
/// Routing for operators: Discord sends a guild's events to shard <c>(guild_id &gt;&gt; 22) % shard_count</c> only, so
/// every process of a bot must use the same shard count, and together the processes must run every shard
/// 0 … count−1 exactly once (e.g. four shards on two hosts: FirstShard 0 and 2, ShardsInProcess 2). A guild's events
/// then arrive at exactly one process, in order.
/// </para>
/// </summary>
public sealed class DiscordGatewayClient(
    DiscordGatewayOptions options,
    Func<CancellationToken, Task<DiscordGatewayBot>> getGatewayBot,
    IDiscordGatewayHandler handler,
    TimeProvider time,
    ILoggerFactory loggers)
{
    /// <summary>The shard of a guild's events: the guild id's timestamp part modulo the shard count.</summary>
    public static int ShardOf(ulong guildId, int shardCount) => (int)((guildId >> 22) % (ulong)shardCount);

    /// <summary>
    /// Connects every shard of the range and keeps them connected until cancelled. Throws
    /// <see cref="DiscordGatewayException"/> when Discord closes a shard with a code that reconnecting cannot fix.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var gateway = await getGatewayBot(cancellationToken).ConfigureAwait(false);
        var shardCount = options.ShardCount ?? Math.Max(1, gateway.Shards);
        var count = options.ShardsInProcess ?? shardCount - options.FirstShard;
        if (options.FirstShard < 0 || count < 1 || options.FirstShard + count > shardCount)
        {
            throw new InvalidOperationException(
                $"Shards {options.FirstShard} to {options.FirstShard + count - 1} are not within the shard count {shardCount}.");
        }

        var url = options.GatewayUrl ?? new Uri(gateway.Url);
        var identifies = new IdentifySchedule(shardCount, gateway.SessionStartLimit, options.IdentifyInterval, time);
        var logger = loggers.CreateLogger<DiscordGatewayClient>();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var shards = Enumerable.Range(options.FirstShard, count)
            .Select(shard => new GatewayShard(shard, shardCount, url, options, identifies, handler, time, logger).RunAsync(stopping.Token))
            .ToList();

        // The first shard to stop for good (fatal close) stops the others: a half-connected bot hides the failure.
        var first = await Task.WhenAny(shards).ConfigureAwait(false);
        await stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(shards).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await first.ConfigureAwait(false);
    }
}
