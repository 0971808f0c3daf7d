namespace TicketSaas.Modules.Tickets.Domain.Tickets;

/// <summary>
/// The intent to open a ticket, written before anything is asked of Discord and removed when the ticket is open or
/// given up: whatever process finds it due carries the opening on from where it stopped.
/// </summary>
public sealed class TicketOpening
{
    /// <summary>Discord accepts a deferred interaction's reply for 15 minutes; past that nobody hears the outcome.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(14);

    private TicketOpening(Guid ticketId, ulong applicationId, string interactionToken, string language, DateTimeOffset createdAt)
    {
        TicketId = ticketId;
        ApplicationId = applicationId;
        InteractionToken = interactionToken;
        Language = language;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    public Guid TicketId { get; private set; }

    public ulong ApplicationId { get; private set; }

    /// <summary>The deferred interaction's token, to tell the member how it went.</summary>
    public string InteractionToken { get; private set; }

    public string Language { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>Held by the process working on it; another may take over once it passed.</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }

    /// <summary>How often a worker took the opening on. Only a later take may find a thread an earlier one made.</summary>
    public int Claims { get; private set; }

    /// <summary>A thread can exist only if an earlier take got as far as asking Discord for one.</summary>
    public bool MayHaveThread => Claims > 1 || Attempts > 0;

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static TicketOpening For(Ticket ticket, ulong applicationId, string interactionToken, string language, DateTimeOffset now) =>
        new(ticket.Id, applicationId, interactionToken, language, now);

    public bool IsOverdueAt(DateTimeOffset now) => now - CreatedAt > GiveUpAfter;

    /// <summary>An attempt failed in a way a retry may mend: try again after a delay that doubles up to half a minute.</summary>
    public void Failed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length <= 500 ? error : error[..500];
        NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Attempts - 1)));
        LeaseUntil = null;
    }
}
