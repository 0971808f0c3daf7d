using MediatR;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Configuration;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Persistence;

namespace TicketSaas.Modules.Tickets.Features.TrackThreads;

// What the gateway tells about tickets' threads. HTTP-only installations learn the same from the inactivity sweep,
// which reads each due thread's newest message.

/// <summary>
/// A message in some thread of the guild: if it is a ticket's, its inactivity timer starts over, and a first answer
/// by staff (a holder of one of the category's staff roles other than the opener) is timed.
/// </summary>
/// <param name="AuthorRoleIds">The author's roles in the guild, as the gateway sends them with the message.</param>
public sealed record RecordTicketActivityCommand(
    ulong GuildId, ulong ThreadId, ulong AuthorId, IReadOnlyList<ulong> AuthorRoleIds, bool AuthorIsBot, DateTimeOffset WrittenAt) : ICommand<bool>;

/// <summary>
/// Someone deleted a channel in Discord: a ticket's thread, or the channel its thread lived under (which takes the
/// thread with it, without a THREAD_DELETE). Those tickets are marked "deleted in Discord"; nothing is left to close.
/// </summary>
/// <returns>How many tickets were marked.</returns>
public sealed record MarkThreadDeletedCommand(ulong GuildId, ulong ChannelId) : ICommand<int>;

internal sealed class RecordTicketActivityCommandHandler(TicketsDbContext db, GuildConfigurations configurations)
    : IRequestHandler<RecordTicketActivityCommand, bool>
{
    public async Task<bool> Handle(RecordTicketActivityCommand command, CancellationToken cancellationToken)
    {
        if (command.AuthorIsBot)
        {
            // The bot's own notices (a claim, an inactivity warning) are not activity.
            return false;
        }

        var ticket = await db.Tickets.SingleOrDefaultAsync(
            t => t.GuildId == command.GuildId && t.ThreadId == command.ThreadId && t.Status == TicketStatus.Open, cancellationToken);
        if (ticket is null)
        {
            return false;
        }

        var configuration = await configurations.GetAsync(command.GuildId, cancellationToken);
        var category = configuration?.Guild.Categories.SingleOrDefault(c => c.Id == ticket.CategoryId);
        var byStaff = Ticket.IsStaff(command.AuthorRoleIds, category?.StaffRoleIds ?? []);
        ticket.RecordActivity(command.WrittenAt, command.AuthorId, byStaff, InactivityPolicy.Of(category));
        return true;
    }
}

internal sealed class MarkThreadDeletedCommandHandler(TicketsDbContext db, TimeProvider clock) : IRequestHandler<MarkThreadDeletedCommand, int>
{
    public async Task<int> Handle(MarkThreadDeletedCommand command, CancellationToken cancellationToken)
    {
        var tickets = await db.Tickets
            .Where(t => t.GuildId == command.GuildId && t.Status != TicketStatus.DeletedInDiscord)
            .Where(t => t.ThreadId == command.ChannelId || (t.ParentChannelId == command.ChannelId && t.ThreadId != null))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var ticket in tickets)
        {
            ticket.MarkDeletedInDiscord(now);
        }

        return tickets.Count;
    }
}
