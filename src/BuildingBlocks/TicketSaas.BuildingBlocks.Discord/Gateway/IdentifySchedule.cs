using TicketSaas.BuildingBlocks.Discord.Entities;

namespace TicketSaas.BuildingBlocks.Discord.Gateway;

/// <summary>
/// When a shard may identify. Discord allows max_concurrency identifies per 5 s, one per bucket (shard id modulo
/// max_concurrency). The shards of a bucket take turns in slots of the wall clock: shard k owns the slots whose
/// number modulo the bucket's size equals k / max_concurrency. Processes on synchronised clocks therefore never
/// identify the same bucket in the same window, and a process needs to know only its own shards. A slot lasts
/// one and a half intervals and a shard starts its identify only in the slot's first quarter interval, so two
/// identifies of a bucket are more than an interval apart even when one leaves late or takes a quarter interval
/// longer to arrive. The session_start_limit budget is counted per process: when it runs out, identifies wait for
/// its reset.
/// </summary>
internal sealed class IdentifySchedule(int shardCount, DiscordSessionStartLimit limit, TimeSpan interval, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly int _concurrency = Math.Max(1, limit.MaxConcurrency);
    private readonly TimeSpan _slot = interval * 1.5;
    private int _remaining = limit.Remaining;
    private DateTimeOffset _budgetResetAt = time.GetUtcNow() + TimeSpan.FromMilliseconds(limit.ResetAfter);

    public async Task WaitTurnAsync(int shard, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = TimeUntilTurn(shard);
            if (wait <= TimeSpan.Zero && TakeBudget(out wait))
            {
                return;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan TimeUntilTurn(int shard)
    {
        var ranks = (shardCount + _concurrency - 1) / _concurrency;
        var rank = shard / _concurrency;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var slotMs = (long)_slot.TotalMilliseconds;
        var slot = now / slotMs;
        var intoSlot = now - slot * slotMs;
        if (slot % ranks == rank && intoSlot < (long)interval.TotalMilliseconds / 4)
        {
            return TimeSpan.Zero;
        }

        var slotsAhead = ((rank - slot % ranks) + ranks) % ranks;
        return TimeSpan.FromMilliseconds((slotsAhead == 0 ? ranks : slotsAhead) * slotMs - intoSlot);
    }

    private bool TakeBudget(out TimeSpan wait)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_remaining <= 0 && now >= _budgetResetAt)
            {
                _remaining = limit.Total;
                _budgetResetAt = now + TimeSpan.FromDays(1);
            }

            if (_remaining <= 0)
            {
                wait = _budgetResetAt - now;
                return false;
            }

            _remaining--;
            wait = TimeSpan.Zero;
            return true;
        }
    }
}
