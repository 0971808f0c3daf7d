using Microsoft.Extensions.Time.Testing;
using TicketSaas.BuildingBlocks.Discord.Entities;
using TicketSaas.BuildingBlocks.Discord.Gateway;

namespace TicketSaas.BuildingBlocks.Discord.Tests;

/// <summary>Identify turns: wall-clock slots per bucket, and the session_start_limit budget.</summary>
public sealed class IdentifyScheduleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    // 1.5e12 ms is a multiple of the 150 ms slot: the test starts at the beginning of slot 0's turn.
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_500_000_000_000));

    [Fact]
    public async Task Shards_of_one_bucket_identify_in_successive_slots()
    {
        var schedule = new IdentifySchedule(2, Limit(remaining: 1000, maxConcurrency: 1), Interval, _time);

        await schedule.WaitTurnAsync(0, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        var second = schedule.WaitTurnAsync(1, CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(149));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Shards_of_different_buckets_identify_together()
    {
        var schedule = new IdentifySchedule(2, Limit(remaining: 1000, maxConcurrency: 2), Interval, _time);

        await Task.WhenAll(schedule.WaitTurnAsync(0, CancellationToken.None), schedule.WaitTurnAsync(1, CancellationToken.None))
            .WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task An_exhausted_budget_waits_for_its_reset()
    {
        var schedule = new IdentifySchedule(2, Limit(remaining: 1, maxConcurrency: 2), Interval, _time);
        await schedule.WaitTurnAsync(0, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        var second = schedule.WaitTurnAsync(1, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));

        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static DiscordSessionStartLimit Limit(int remaining, int maxConcurrency) =>
        new() { Total = 1000, Remaining = remaining, ResetAfter = 60_000, MaxConcurrency = maxConcurrency };
}
