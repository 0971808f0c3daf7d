namespace TicketSaas.BuildingBlocks.Discord;

/// <summary>Discord ids carry their creation time: the top 42 bits are milliseconds since 2015-01-01 UTC.</summary>
public static class Snowflake
{
    public const long DiscordEpochMilliseconds = 1420070400000;

    public static DateTimeOffset CreatedAt(ulong id) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(id >> 22) + DiscordEpochMilliseconds);

    /// <summary>The smallest id created at <paramref name="time"/>: a paging bound for "messages since".</summary>
    public static ulong FirstAt(DateTimeOffset time)
    {
        var sinceEpoch = time.ToUnixTimeMilliseconds() - DiscordEpochMilliseconds;
        ArgumentOutOfRangeException.ThrowIfNegative(sinceEpoch, nameof(time));
        return (ulong)sinceEpoch << 22;
    }
}
