namespace TicketSaas.Discord.Emulator.State;

/// <summary>Discord-shaped ids: milliseconds since 2015-01-01 in the high bits, so ids sort by creation time.</summary>
internal sealed class Snowflakes(TimeProvider time)
{
    private const long DiscordEpochMilliseconds = 1420070400000;
    private readonly Lock _lock = new();
    private ulong _last;

    public ulong Next()
    {
        var stamp = (ulong)(time.GetUtcNow().ToUnixTimeMilliseconds() - DiscordEpochMilliseconds) << 22;
        lock (_lock)
        {
            // Several ids in one millisecond (or a clock that stands still under a fake TimeProvider) still ascend.
            _last = Math.Max(stamp, _last + 1);
            return _last;
        }
    }

    public static DateTimeOffset TimeOf(ulong id) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(id >> 22) + DiscordEpochMilliseconds);
}
