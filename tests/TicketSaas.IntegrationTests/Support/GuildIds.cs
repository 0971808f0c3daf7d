namespace TicketSaas.IntegrationTests.Support;

/// <summary>Fresh snowflake-sized guild ids, so tests sharing a host never see each other's rows.</summary>
public static class GuildIds
{
    private static long _next = 100_000_000_000_000_000;

    public static ulong Next() => (ulong)Interlocked.Increment(ref _next);
}
