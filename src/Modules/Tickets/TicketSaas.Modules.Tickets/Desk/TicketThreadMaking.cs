using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TicketSaas.Modules.Tickets.Domain.Categories;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Localization;
using TicketSaas.Modules.Tickets.Persistence;
using TicketSaas.Modules.Tickets.Ports;

namespace TicketSaas.Modules.Tickets.Desk;

/// <summary>Making a ticket's thread and its welcome, for an opening ticket and for a moved one alike.</summary>
internal static class TicketThreadMaking
{
    /// <summary>
    /// The thread named <see cref="Ticket.ThreadName"/> under the ticket's parent channel: found again when an
    /// interrupted attempt (since <paramref name="since"/>) already made it, otherwise created.
    /// </summary>
    public static async Task<ulong> FindOrCreateAsync(TicketsDbContext db, ITicketThreads threads, Ticket ticket, DateTimeOffset since,
        CancellationToken cancellationToken)
    {
        var taken = (await db.Tickets.AsNoTracking()
                .Where(t => t.GuildId == ticket.GuildId && t.ParentChannelId == ticket.ParentChannelId && t.ThreadId != null && t.CreatedAt >= since - TicketOpening.GiveUpAfter)
                .Select(t => t.ThreadId!.Value)
                .ToListAsync(cancellationToken))
            .ToHashSet();
        return await threads.FindCreatedAsync(ticket.GuildId, ticket.ParentChannelId, ticket.ThreadName, since, taken, cancellationToken)
            ?? await threads.CreateAsync(ticket.GuildId, ticket.ParentChannelId, ticket.ThreadName, cancellationToken);
    }

    /// <summary>Greets the opener and mentions the category's staff roles, which brings their members into the private thread.</summary>
    public static WelcomeView Welcome(Ticket ticket, Category? category, string language, ulong? movedFromThreadId = null)
    {
        var staffRoles = category?.StaffRoleIds ?? [];
        var opener = TicketDesk.Mention(ticket.OpenerId);
        var greeting = staffRoles.Count > 0
            ? BotText.Get(language, BotText.WelcomeWithStaff, opener, string.Join(' ', staffRoles.Select(r => $"<@&{r.ToString(CultureInfo.InvariantCulture)}>")))
            : BotText.Get(language, BotText.WelcomeNoStaff, opener);
        if (movedFromThreadId is { } formerThread)
        {
            greeting = BotText.Get(language, BotText.MovedFrom, TicketDesk.ChannelMention(formerThread)) + "\n" + greeting;
        }

        return new WelcomeView(
            ticket.Id,
            BotText.Get(language, BotText.WelcomeTitle, ticket.Number, category?.Name ?? ""),
            greeting,
            ticket.OpenerId,
            staffRoles,
            ticket.Answers,
            BotText.Get(language, BotText.Claim),
            BotText.Get(language, BotText.Close),
            BotText.Get(language, BotText.CloseWithReason));
    }
}

/// <summary>
/// Wakes a worker when new work was written, so nobody waits for the next poll. Writers ring it through
/// <see cref="TicketSaas.BuildingBlocks.Application.Messaging.AfterCommit"/>: a worker woken before the commit would find nothing.
/// </summary>
internal sealed class WorkSignal<TWork>
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
