using System.Text.Json.Serialization;

namespace TicketSaas.Modules.Tickets.Domain.Tickets;

/// <summary>
/// One thing a ticket still needs done in Discord (archive its thread, post a notice, ask for feedback…), written in the
/// same transaction as the change that calls for it. A worker does a ticket's chores one at a time, oldest first, so
/// "announce the close, then lock the thread" happen in that order even across crashes and restarts.
/// </summary>
public sealed class TicketChore
{
    private TicketChore(Guid ticketId, ChoreWork work, DateTimeOffset createdAt)
    {
        TicketId = ticketId;
        Work = work;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    /// <summary>Increasing: the order chores are done in.</summary>
    public long Id { get; private set; }

    public Guid TicketId { get; private set; }

    public ChoreWork Work { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>Held by the process working on it; another may take over once it passed.</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Set when Discord refused the chore for good; kept for the record, and no longer holds up the ticket's later chores.</summary>
    public DateTimeOffset? GaveUpAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static TicketChore For(Ticket ticket, ChoreWork work, DateTimeOffset now) => new(ticket.Id, work, now);

    /// <summary>A failure a retry may mend: try again after a delay that doubles up to five minutes.</summary>
    public void Failed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = Truncate(error);
        NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Attempts - 1)));
        LeaseUntil = null;
    }

    public void GiveUp(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = Truncate(error);
        GaveUpAt = now;
        LeaseUntil = null;
    }

    private static string Truncate(string error) => error.Length <= 500 ? error : error[..500];
}

/// <summary>A button on a message a chore posts.</summary>
public sealed record ChoreButton(string CustomId, string Label, ChoreButtonStyle Style = ChoreButtonStyle.Secondary);

public enum ChoreButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(PostMessage), "post")]
[JsonDerivedType(typeof(EditInteractionReply), "reply")]
[JsonDerivedType(typeof(ArchiveThread), "archive")]
[JsonDerivedType(typeof(ReopenThread), "reopen")]
[JsonDerivedType(typeof(RenameThread), "rename")]
[JsonDerivedType(typeof(AddThreadMember), "add-member")]
[JsonDerivedType(typeof(RemoveThreadMember), "remove-member")]
[JsonDerivedType(typeof(AskForFeedback), "feedback")]
[JsonDerivedType(typeof(OpenMovedThread), "move")]
[JsonDerivedType(typeof(PostWelcome), "welcome")]
public abstract record ChoreWork;

/// <summary>A notice in a channel or thread.</summary>
public sealed record PostMessage(ulong ChannelId, string Content, IReadOnlyList<ChoreButton> Buttons) : ChoreWork;

/// <summary>Fills the "thinking…" reply of a deferred interaction.</summary>
public sealed record EditInteractionReply(ulong ApplicationId, string Token, string Content, IReadOnlyList<ChoreButton> Buttons) : ChoreWork;

/// <summary>Closes a thread for good: archived and locked, never deleted.</summary>
public sealed record ArchiveThread(ulong ThreadId) : ChoreWork;

public sealed record ReopenThread(ulong ThreadId) : ChoreWork;

public sealed record RenameThread(ulong ThreadId, string Name) : ChoreWork;

public sealed record AddThreadMember(ulong ThreadId, ulong UserId) : ChoreWork;

public sealed record RemoveThreadMember(ulong ThreadId, ulong UserId) : ChoreWork;

/// <summary>The opener's direct message with 1–5 star buttons; closed DMs are recorded on the ticket, not retried.</summary>
public sealed record AskForFeedback(ulong UserId, string Content, IReadOnlyList<ChoreButton> Buttons) : ChoreWork;

/// <summary>Makes the moved ticket's new thread, then queues bringing people in, linking old and new, and locking the old.</summary>
public sealed record OpenMovedThread(string Language) : ChoreWork;

/// <summary>The welcome of a moved ticket's new thread, built when it is posted.</summary>
public sealed record PostWelcome(ulong ThreadId, ulong? MovedFromThreadId, string Language) : ChoreWork;
