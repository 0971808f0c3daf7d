using TicketSaas.BuildingBlocks.Domain;

namespace TicketSaas.Modules.Tickets.Domain.Tickets;

public enum TicketStatus
{
    /// <summary>Accepted from the member; its thread and welcome message are still being made in Discord.</summary>
    Opening,
    Open,
    Closed,
}

/// <summary>One answer of the category's form, kept with the question as it was asked.</summary>
public sealed record FormAnswer(string Question, string Answer);

/// <summary>A member's ticket: a private thread under its category's channel, numbered per guild.</summary>
public sealed class Ticket : Entity
{
    private Ticket(Guid id, ulong guildId, int number, Guid categoryId, ulong openerId, ulong parentChannelId, string threadName,
        IReadOnlyList<FormAnswer> answers, ulong formNonce, DateTimeOffset createdAt)
    {
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

    public static Ticket Begin(ulong guildId, int number, Guid categoryId, ulong openerId, ulong parentChannelId, string threadName,
        IReadOnlyList<FormAnswer> answers, ulong formNonce, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), guildId, number, categoryId, openerId, parentChannelId, threadName, [.. answers], formNonce, now);

    public void AttachThread(ulong threadId)
    {
        CheckRule(new TicketMustBeOpeningRule(Status));
        ThreadId = threadId;
    }

    public void MarkOpen(DateTimeOffset now)
    {
        CheckRule(new TicketMustBeOpeningRule(Status));
        CheckRule(new OpenTicketNeedsThreadRule(ThreadId));
        Status = TicketStatus.Open;
        OpenedAt = now;
    }
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
