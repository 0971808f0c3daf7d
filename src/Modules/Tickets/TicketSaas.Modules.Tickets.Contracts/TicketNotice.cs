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

    /// <summary>A ticket command used outside a ticket's thread.</summary>
    NotATicket,

    /// <summary>The argument (a mention) is now blocked.</summary>
    BlocklistAdded,

    /// <summary>The argument (a mention) is no longer blocked.</summary>
    BlocklistRemoved,

    /// <summary>The argument (a mention) was not blocked.</summary>
    BlocklistNotListed,

    BlocklistEmpty,

    /// <summary>A blocklist command named no user or role, or both.</summary>
    BlocklistNeedsTarget,
}
