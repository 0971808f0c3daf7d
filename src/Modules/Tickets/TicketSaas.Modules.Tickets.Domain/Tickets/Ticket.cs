using TicketSaas.BuildingBlocks.Domain;
using TicketSaas.Modules.Tickets.Domain.Categories;

namespace TicketSaas.Modules.Tickets.Domain.Tickets;

public enum TicketStatus
{
    /// <summary>Accepted from the member; its thread and welcome message are still being made in Discord.</summary>
    Opening,
    Open,
    Closed,

    /// <summary>Someone deleted the thread in Discord: nothing is left to close or transcribe.</summary>
    DeletedInDiscord,
}

/// <summary>One answer of the category's form, kept with the question as it was asked.</summary>
public sealed record FormAnswer(string Question, string Answer);

/// <summary>A member's ticket: a private thread under its category's channel, numbered per guild.</summary>
public sealed class Ticket : Entity
{
    private Ticket(Guid id, ulong guildId, int number, Guid categoryId, ulong openerId, string openerName, ulong parentChannelId, string threadName,
        IReadOnlyList<FormAnswer> answers, ulong formNonce, DateTimeOffset createdAt)
    {
        OpenerName = openerName;
        Id = id;
        GuildId = guildId;
        Number = number;
        CategoryId = categoryId;
        OpenerId = openerId;
        ParentChannelId = parentChannelId;
        ThreadName = threadName;
        Answers = answers;
        FormNonce = formNonce;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public ulong GuildId { get; private set; }

    /// <summary>Counts up per guild from 1; shown in thread names and to staff.</summary>
    public int Number { get; private set; }

    public Guid CategoryId { get; private set; }

    public ulong OpenerId { get; private set; }

    /// <summary>The opener's username when the ticket was opened, for naming its threads.</summary>
    public string OpenerName { get; private set; }

    public TicketStatus Status { get; private set; } = TicketStatus.Opening;

    /// <summary>The channel whose private thread this ticket is.</summary>
    public ulong ParentChannelId { get; private set; }

    public string ThreadName { get; private set; }

    /// <summary>Null until Discord created the thread.</summary>
    public ulong? ThreadId { get; private set; }

    public IReadOnlyList<FormAnswer> Answers { get; private set; }

    /// <summary>The interaction that showed the form (or clicked the panel): one ticket per form, however often it is submitted.</summary>
    public ulong FormNonce { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? OpenedAt { get; private set; }

    /// <summary>The threads this ticket had before it was moved, oldest first.</summary>
    public IReadOnlyList<ulong> FormerThreadIds { get; private set; } = [];

    /// <summary>Set while a move waits for its new thread; the ticket still lives in <see cref="ThreadId"/>.</summary>
    public ulong? MovingFromThreadId { get; private set; }

    public ulong? ClaimedBy { get; private set; }

    /// <summary>Staff who claimed, spoke in or acted on the ticket, in order of first appearance.</summary>
    public IReadOnlyList<ulong> StaffParticipantIds { get; private set; } = [];

    public DateTimeOffset? FirstStaffResponseAt { get; private set; }

    public ulong? CloseRequestedBy { get; private set; }

    public string? CloseRequestReason { get; private set; }

    /// <summary>Null for a ticket closed by the inactivity timer.</summary>
    public ulong? ClosedBy { get; private set; }

    public string? CloseReason { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>How often the ticket was closed: each close has its own transcript under the ticket's link.</summary>
    public int CloseCount { get; private set; }

    public DateTimeOffset? LastActivityAt { get; private set; }

    /// <summary>When the inactivity warning is due; null when no timer runs.</summary>
    public DateTimeOffset? InactivityWarningAt { get; private set; }

    /// <summary>When the inactivity timer closes the ticket; null when no timer runs.</summary>
    public DateTimeOffset? AutoCloseAt { get; private set; }

    public DateTimeOffset? InactivityWarnedAt { get; private set; }

    public bool TimerDisabled { get; private set; }

    public string? TimerDisabledReason { get; private set; }

    public int? Rating { get; private set; }

    public DateTimeOffset? RatedAt { get; private set; }

    /// <summary>Why the opener could not be asked for feedback (e.g. closed DMs), kept rather than lost.</summary>
    public string? FeedbackRequestFailure { get; private set; }

    public DateTimeOffset? DeletedInDiscordAt { get; private set; }

    /// <summary>Every thread the ticket lived in: the former ones, then the current.</summary>
    public IReadOnlyList<ulong> AllThreadIds => ThreadId is { } current ? [.. FormerThreadIds, current] : FormerThreadIds;

    public static Ticket Begin(ulong guildId, int number, Category category, ulong openerId, string openerName,
        IReadOnlyList<FormAnswer> answers, ulong formNonce, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), guildId, number, category.Id, openerId, openerName, category.ParentChannelId!.Value,
            ThreadNamingScheme.Render(category.NamingScheme, number, openerName, category.Name), [.. answers], formNonce, now);

    public void AttachThread(ulong threadId)
    {
        CheckRule(new TicketMustBeOpeningRule(Status));
        ThreadId = threadId;
    }

    public void MarkOpen(DateTimeOffset now, InactivityPolicy inactivity)
    {
        CheckRule(new TicketMustBeOpeningRule(Status));
        CheckRule(new OpenTicketNeedsThreadRule(ThreadId));
        Status = TicketStatus.Open;
        OpenedAt = now;
        RestartInactivity(now, inactivity);
    }

    public void Claim(ulong staffId)
    {
        CheckRule(new TicketMustBeOpenRule(Status));
        CheckRule(new TicketAlreadyClaimedRule(ClaimedBy, staffId));
        ClaimedBy = staffId;
        NoteStaff(staffId);
    }

    public void Unclaim()
    {
        CheckRule(new TicketMustBeOpenRule(Status));
        CheckRule(new TicketMustBeClaimedRule(ClaimedBy));
        ClaimedBy = null;
    }

    /// <param name="by">Null when the inactivity timer closes the ticket.</param>
    public void Close(ulong? by, string? reason, DateTimeOffset now)
    {
        CheckRule(new TicketMustBeOpenRule(Status));
        CheckRule(new TicketMustNotBeMovingRule(MovingFromThreadId));
        Status = TicketStatus.Closed;
        ClosedBy = by;
        CloseReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        ClosedAt = now;
        CloseCount++;
        CloseRequestedBy = null;
        CloseRequestReason = null;
        StopInactivity();
    }

    /// <summary>Staff ask the opener whether the ticket may be closed.</summary>
    public void RequestClose(ulong staffId, string? reason)
    {
        CheckRule(new TicketMustBeOpenRule(Status));
        CheckRule(new NoCloseRequestPendingRule(CloseRequestedBy));
        CloseRequestedBy = staffId;
        CloseRequestReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        NoteStaff(staffId);
    }

    /// <summary>The opener agrees; the caller closes the ticket in the opener's name.</summary>
    /// <returns>The request's reason, which becomes the close reason.</returns>
    public string? AcceptCloseRequest(ulong memberId)
    {
        CheckCloseRequestAnswer(memberId);
        return CloseRequestReason;
    }

    public void DenyCloseRequest(ulong memberId, DateTimeOffset now, InactivityPolicy inactivity)
    {
        CheckCloseRequestAnswer(memberId);
        CloseRequestedBy = null;
        CloseRequestReason = null;
        RestartInactivity(now, inactivity);
    }

    public void Reopen(ulong staffId, DateTimeOffset now, InactivityPolicy inactivity)
    {
        CheckRule(new TicketMustBeClosedRule(Status));
        Status = TicketStatus.Open;
        ClosedBy = null;
        CloseReason = null;
        ClosedAt = null;
        Rating = null;
        RatedAt = null;
        FeedbackRequestFailure = null;
        NoteStaff(staffId);
        RestartInactivity(now, inactivity);
    }

    /// <summary>The thread to add a member to or remove one from: an open ticket's, not during a move; the opener stays.</summary>
    public ulong ThreadForMemberChange(ulong userId, bool removing)
    {
        CheckRule(new TicketMustBeOpenRule(Status));
        CheckRule(new TicketMustNotBeMovingRule(MovingFromThreadId));
        CheckRule(new OpenerStaysRule(removing && userId == OpenerId));
        return ThreadId!.Value;
    }

    public void Rename(string threadName)
    {
        CheckRule(new TicketMustBeOpenRule(Status));
        ThreadName = threadName;
    }

    /// <summary>
    /// A thread cannot change its parent: the ticket (same id and number) gets a new thread under the target category's
    /// channel, made by <see cref="FinishMove"/>; until then it stays in its old thread.
    /// </summary>
    public void BeginMove(Category target, ulong staffId, InactivityPolicy inactivity, DateTimeOffset now)
    {
        CheckRule(new TicketMustBeOpenRule(Status));
        CheckRule(new TicketMustNotBeMovingRule(MovingFromThreadId));
        CheckRule(new MoveNeedsAnotherCategoryRule(CategoryId, target.Id));
        CheckRule(new CategoryMustBeReadyForTicketsRule(target));
        MovingFromThreadId = ThreadId;
        CategoryId = target.Id;
        ParentChannelId = target.ParentChannelId!.Value;
        ThreadName = ThreadNamingScheme.Render(target.NamingScheme, Number, OpenerName, target.Name);
        RestartInactivity(now, inactivity);
        NoteStaff(staffId);
    }

    public void FinishMove(ulong newThreadId)
    {
        CheckRule(new TicketMustBeMovingRule(MovingFromThreadId));
        FormerThreadIds = [.. FormerThreadIds, MovingFromThreadId!.Value];
        MovingFromThreadId = null;
        ThreadId = newThreadId;
    }

    /// <summary>A message in the ticket's thread: the inactivity timer starts over, a first staff answer is timed.</summary>
    public void RecordActivity(DateTimeOffset at, ulong authorId, bool byStaff, InactivityPolicy inactivity)
    {
        if (Status != TicketStatus.Open)
        {
            return;
        }

        if (byStaff && authorId != OpenerId)
        {
            FirstStaffResponseAt ??= at;
            NoteStaff(authorId);
        }

        ActivitySeen(at, inactivity);
    }

    /// <summary>A message written at <paramref name="at"/>, by whom unknown (read from the thread): the timer starts over from it.</summary>
    public void ActivitySeen(DateTimeOffset at, InactivityPolicy inactivity)
    {
        if (Status != TicketStatus.Open || LastActivityAt >= at)
        {
            return;
        }

        RestartInactivity(at, inactivity);
    }

    /// <summary>What the inactivity timer owes this ticket at <paramref name="now"/>.</summary>
    public InactivityStep InactivityDueAt(DateTimeOffset now) => this switch
    {
        { Status: not TicketStatus.Open } or { TimerDisabled: true } or { AutoCloseAt: null } or { MovingFromThreadId: not null } => InactivityStep.None,
        { InactivityWarnedAt: null } when now >= InactivityWarningAt => InactivityStep.Warn,
        { InactivityWarnedAt: not null } when now >= AutoCloseAt => InactivityStep.Close,
        _ => InactivityStep.None,
    };

    /// <summary>The member is warned; a warning sent late (the bot was down) still gives them the promised time.</summary>
    public void WarnOfInactivity(DateTimeOffset now, InactivityPolicy inactivity)
    {
        CheckRule(new TicketMustBeOpenRule(Status));
        InactivityWarnedAt = now;
        if (AutoCloseAt < now + inactivity.WarningBefore)
        {
            AutoCloseAt = now + inactivity.WarningBefore;
        }
    }

    public void DisableTimer(ulong staffId, string reason)
    {
        CheckRule(new TicketMustBeOpenRule(Status));
        TimerDisabled = true;
        TimerDisabledReason = reason.Trim();
        NoteStaff(staffId);
        StopInactivity();
    }

    public void EnableTimer(ulong staffId, DateTimeOffset now, InactivityPolicy inactivity)
    {
        CheckRule(new TicketMustBeOpenRule(Status));
        TimerDisabled = false;
        TimerDisabledReason = null;
        NoteStaff(staffId);
        RestartInactivity(now, inactivity);
    }

    public void Rate(ulong memberId, int stars, DateTimeOffset now)
    {
        CheckRule(new TicketMustBeClosedRule(Status));
        CheckRule(new OnlyTheOpenerRule(OpenerId, memberId));
        CheckRule(new RatingMustBeStarsRule(stars));
        CheckRule(new TicketAlreadyRatedRule(Rating));
        Rating = stars;
        RatedAt = now;
    }

    public void FeedbackRequestFailed(string failure) => FeedbackRequestFailure = failure.Length <= 300 ? failure : failure[..300];

    public void MarkDeletedInDiscord(DateTimeOffset now)
    {
        Status = TicketStatus.DeletedInDiscord;
        DeletedInDiscordAt = now;
        MovingFromThreadId = null;
        StopInactivity();
    }

    /// <summary>Whether the member holds one of the category's staff roles.</summary>
    public static bool IsStaff(IEnumerable<ulong> memberRoleIds, IReadOnlyCollection<ulong> staffRoleIds) => memberRoleIds.Any(staffRoleIds.Contains);

    private void CheckCloseRequestAnswer(ulong memberId)
    {
        CheckRule(new TicketMustBeOpenRule(Status));
        CheckRule(new OnlyTheOpenerRule(OpenerId, memberId));
        CheckRule(new CloseRequestMustBePendingRule(CloseRequestedBy));
    }

    private void NoteStaff(ulong staffId)
    {
        if (staffId != OpenerId && !StaffParticipantIds.Contains(staffId))
        {
            StaffParticipantIds = [.. StaffParticipantIds, staffId];
        }
    }

    private void RestartInactivity(DateTimeOffset from, InactivityPolicy inactivity)
    {
        LastActivityAt = from;
        InactivityWarnedAt = null;
        if (TimerDisabled || inactivity.CloseAfter is not { } closeAfter)
        {
            StopInactivity();
            return;
        }

        AutoCloseAt = from + closeAfter;
        InactivityWarningAt = AutoCloseAt - (inactivity.WarningBefore < closeAfter ? inactivity.WarningBefore : closeAfter);
    }

    private void StopInactivity()
    {
        InactivityWarningAt = null;
        AutoCloseAt = null;
    }
}

/// <summary>A category's inactivity timer: close after this long without a message, warn this long before.</summary>
public sealed record InactivityPolicy(TimeSpan? CloseAfter, TimeSpan WarningBefore)
{
    public static InactivityPolicy Of(Category? category) => category?.AutoCloseAfterHours is { } hours
        ? new InactivityPolicy(TimeSpan.FromHours(hours), TimeSpan.FromHours(category.WarningBeforeCloseHours))
        : new InactivityPolicy(null, TimeSpan.Zero);
}

public enum InactivityStep
{
    None,
    Warn,
    Close,
}

public sealed class TicketMustBeOpeningRule(TicketStatus status) : IBusinessRule
{
    public string Code => "tickets.not-opening";

    public string Message => $"The ticket is already {status.ToString().ToLowerInvariant()}.";

    public bool IsBroken() => status != TicketStatus.Opening;
}

public sealed class OpenTicketNeedsThreadRule(ulong? threadId) : IBusinessRule
{
    public string Code => "tickets.no-thread";

    public string Message => "A ticket opens only once its thread exists.";

    public bool IsBroken() => threadId is null;
}

public sealed class TicketMustBeOpenRule(TicketStatus status) : IBusinessRule
{
    public string Code => "tickets.not-open";

    public string Message => status switch
    {
        TicketStatus.Opening => "The ticket is still being opened.",
        TicketStatus.DeletedInDiscord => "The ticket's thread was deleted in Discord.",
        _ => "The ticket is closed.",
    };

    public bool IsBroken() => status != TicketStatus.Open;
}

public sealed class TicketMustBeClosedRule(TicketStatus status) : IBusinessRule
{
    public string Code => "tickets.not-closed";

    public string Message => status == TicketStatus.DeletedInDiscord ? "The ticket's thread was deleted in Discord." : "The ticket is not closed.";

    public bool IsBroken() => status != TicketStatus.Closed;
}

public sealed class TicketAlreadyClaimedRule(ulong? claimedBy, ulong staffId) : IBusinessRule
{
    public string Code => "tickets.already-claimed";

    public string Message => claimedBy == staffId ? "You already claimed this ticket." : $"The ticket is already claimed by <@{claimedBy}>.";

    public bool IsBroken() => claimedBy is not null;
}

public sealed class TicketMustBeClaimedRule(ulong? claimedBy) : IBusinessRule
{
    public string Code => "tickets.not-claimed";

    public string Message => "The ticket is not claimed.";

    public bool IsBroken() => claimedBy is null;
}

public sealed class NoCloseRequestPendingRule(ulong? requestedBy) : IBusinessRule
{
    public string Code => "tickets.close-request-pending";

    public string Message => "A close request is already waiting for the opener's answer.";

    public bool IsBroken() => requestedBy is not null;
}

public sealed class CloseRequestMustBePendingRule(ulong? requestedBy) : IBusinessRule
{
    public string Code => "tickets.no-close-request";

    public string Message => "No close request is waiting for an answer.";

    public bool IsBroken() => requestedBy is null;
}

public sealed class OnlyTheOpenerRule(ulong openerId, ulong memberId) : IBusinessRule
{
    public string Code => "tickets.not-opener";

    public string Message => "Only the member who opened the ticket can do this.";

    public bool IsBroken() => openerId != memberId;
}

public sealed class TicketMustNotBeMovingRule(ulong? movingFrom) : IBusinessRule
{
    public string Code => "tickets.moving";

    public string Message => "The ticket is being moved; try again in a moment.";

    public bool IsBroken() => movingFrom is not null;
}

public sealed class TicketMustBeMovingRule(ulong? movingFrom) : IBusinessRule
{
    public string Code => "tickets.not-moving";

    public string Message => "The ticket is not being moved.";

    public bool IsBroken() => movingFrom is null;
}

public sealed class MoveNeedsAnotherCategoryRule(Guid current, Guid target) : IBusinessRule
{
    public string Code => "tickets.same-category";

    public string Message => "The ticket is already in that category.";

    public bool IsBroken() => current == target;
}

public sealed class RatingMustBeStarsRule(int stars) : IBusinessRule
{
    public string Code => "tickets.rating-out-of-range";

    public string Message => "A rating is 1 to 5 stars.";

    public bool IsBroken() => stars is < 1 or > 5;
}

public sealed class TicketAlreadyRatedRule(int? rating) : IBusinessRule
{
    public string Code => "tickets.already-rated";

    public string Message => "You already rated this ticket. Thank you!";

    public bool IsBroken() => rating is not null;
}

/// <summary>Limits of what staff type about a ticket.</summary>
public static class TicketTexts
{
    /// <summary>Fits one modal paragraph and one line of a Discord message.</summary>
    public const int MaxReasonLength = 500;
}

public sealed class CategoryMustBeReadyForTicketsRule(Category category) : IBusinessRule
{
    public string Code => "tickets.category-not-ready";

    public string Message => $"The category {category.Name} has no channel for its tickets yet.";

    public bool IsBroken() => category.ParentChannelId is null;
}

public sealed class OpenerStaysRule(bool removingOpener) : IBusinessRule
{
    public string Code => "tickets.opener-stays";

    public string Message => "The member who opened the ticket cannot be removed from it; close the ticket instead.";

    public bool IsBroken() => removingOpener;
}
