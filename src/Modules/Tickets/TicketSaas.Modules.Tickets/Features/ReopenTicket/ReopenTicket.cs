using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Features.GetTicket;
using TicketSaas.Modules.Tickets.Localization;

namespace TicketSaas.Modules.Tickets.Features.ReopenTicket;

/// <summary>Staff reopen a closed ticket: its thread is unlocked first, then told. A later close gets its own transcript.</summary>
public sealed record ReopenTicketCommand(ulong GuildId, Guid TicketId, DeferredReplyDto? Reply) : ICommand<TicketDto>, IAuditedCommand
{
    public ulong? AuditGuildId => GuildId;
}

internal sealed class ReopenTicketCommandHandler(TicketDesk desk, IIntegrationEventPublisher events, TimeProvider clock)
    : IRequestHandler<ReopenTicketCommand, TicketDto>
{
    public async Task<TicketDto> Handle(ReopenTicketCommand command, CancellationToken cancellationToken)
    {
        var t = await desk.ForStaffAsync(command.GuildId, command.TicketId, cancellationToken);
        var now = clock.GetUtcNow();
        t.Ticket.Reopen(t.Actor, now, t.Inactivity);
        desk.Enqueue(t.Ticket, new ReopenThread(t.Ticket.ThreadId!.Value));
        desk.Announce(t, command.Reply, t.Text(BotText.Reopened, t.ActorMention),
            new ChoreButton(TicketCustomIds.Action(TicketAction.Close, t.Ticket.Id), t.Text(BotText.Close), ChoreButtonStyle.Danger));
        events.Publish(new TicketReopenedIntegrationEvent(Guid.CreateVersion7(now), now, t.Ticket.GuildId, t.Ticket.Id, t.Ticket.Number, t.Actor, t.Ticket.CloseCount, t.Ticket.CategoryId));
        return TicketDto.From(t.Ticket);
    }
}

internal static class ReopenTicketEndpoint
{
    public static void Map(IEndpointRouteBuilder tickets) =>
        tickets.MapPost("/{ticketId}/reopen", (ulong guildId, Guid ticketId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ReopenTicketCommand(guildId, ticketId, null), ct))
            .AsTicketAction("ReopenTicket");
}
