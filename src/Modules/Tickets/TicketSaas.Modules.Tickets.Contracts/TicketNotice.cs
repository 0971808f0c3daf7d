namespace TicketSaas.Modules.Tickets.Contracts;

/// <summary>Replies a host gives before any ticket command runs, in the guild's language (GetBotTextQuery).</summary>
public enum TicketNotice
{
    /// <summary>The interaction came from a DM.</summary>
    GuildOnly,

    /// <summary>A component or modal whose custom id is none of ours.</summary>
    UnknownComponent,

    /// <summary>Concurrent openings kept winning the ticket number.</summary>
    Busy,
}
