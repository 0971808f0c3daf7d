namespace TicketSaas.Modules.Tickets.Domain.Tickets;

/// <summary>
/// The last ticket number a guild handed out, incremented in place so that concurrent openings never draw the same
/// number. An opening that fails after drawing leaves a gap; numbers are unique, not contiguous.
/// </summary>
public sealed class TicketCounter(ulong guildId, int lastNumber)
{
    public ulong GuildId { get; private set; } = guildId;

    public int LastNumber { get; private set; } = lastNumber;
}
