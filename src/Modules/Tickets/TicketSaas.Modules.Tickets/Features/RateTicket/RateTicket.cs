using MediatR;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Localization;

namespace TicketSaas.Modules.Tickets.Features.RateTicket;

/// <summary>The opener's 1–5 stars, from the buttons of the DM sent at close; once per close.</summary>
/// <returns>The thanks that replaces the DM's buttons.</returns>
public sealed record RateTicketCommand(Guid TicketId, int Stars) : ICommand<string>, IAuditedCommand
{
    /// <summary>A DM carries no guild; the audit entry is the rating's own record.</summary>
    public ulong? AuditGuildId => null;
}

internal sealed class RateTicketCommandHandler(TicketDesk desk, IIntegrationEventPublisher events, TimeProvider clock)
    : IRequestHandler<RateTicketCommand, string>
{
    public async Task<string> Handle(RateTicketCommand command, CancellationToken cancellationToken)
    {
        var t = await desk.ForOpenerAsync(null, command.TicketId, cancellationToken);
        var now = clock.GetUtcNow();
        t.Ticket.Rate(t.Actor, command.Stars, now);
        events.Publish(new TicketRatedIntegrationEvent(Guid.CreateVersion7(now), now, t.Ticket.GuildId, t.Ticket.Id, t.Ticket.Number, t.Ticket.OpenerId, command.Stars));
        return t.Text(BotText.FeedbackThanks, new string('★', command.Stars) + new string('☆', 5 - command.Stars));
    }
}
