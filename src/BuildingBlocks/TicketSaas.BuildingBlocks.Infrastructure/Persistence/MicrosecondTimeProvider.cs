namespace TicketSaas.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// The system clock cut to whole microseconds: MySQL keeps datetime(6), so a finer timestamp returned by a command
/// would differ from the same timestamp read back later.
/// </summary>
public sealed class MicrosecondTimeProvider : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        var now = System.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
