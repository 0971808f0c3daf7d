using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Features.GetTicket;
using TicketSaas.Modules.Tickets.Localization;

namespace TicketSaas.Modules.Tickets.Features.ClaimTicket;

/// <summary>A staff member takes the ticket on; the thread is told, with a button to release it again.</summary>
public sealed record ClaimTicketCommand(ulong GuildId, Guid TicketId, DeferredReplyDto? Reply) : ICommand<TicketDto>, IAuditedCommand
{
    public ulong? AuditGuildId => GuildId;
}

/// <summary>The ticket goes back to the whole team.</summary>
public sealed record UnclaimTicketCommand(ulong GuildId, Guid TicketId, DeferredReplyDto? Reply) : ICommand<TicketDto>, IAuditedCommand
{
    public ulong? AuditGuildId => GuildId;
}

internal sealed class ClaimTicketCommandHandler(TicketDesk desk, IIntegrationEventPublisher events, TimeProvider clock)
    : IRequestHandler<ClaimTicketCommand, TicketDto>
{
    public async Task<TicketDto> Handle(ClaimTicketCommand command, CancellationToken cancellationToken)
    {
        var t = await desk.ForStaffAsync(command.GuildId, command.TicketId, cancellationToken);
        t.Ticket.Claim(t.Actor);
        desk.Announce(t, command.Reply, t.Text(BotText.Claimed, t.ActorMention),
            new ChoreButton(TicketCustomIds.Action(TicketAction.Unclaim, t.Ticket.Id), t.Text(BotText.Unclaim)));
        var now = clock.GetUtcNow();
        events.Publish(new TicketClaimedIntegrationEvent(Guid.CreateVersion7(now), now, t.Ticket.GuildId, t.Ticket.Id, t.Ticket.Number, t.Actor, t.Ticket.CategoryId));
        return TicketDto.From(t.Ticket);
    }
}

internal sealed class UnclaimTicketCommandHandler(TicketDesk desk) : IRequestHandler<UnclaimTicketCommand, TicketDto>
{
    public async Task<TicketDto> Handle(UnclaimTicketCommand command, CancellationToken cancellationToken)
    {
        var t = await desk.ForStaffAsync(command.GuildId, command.TicketId, cancellationToken);
        t.Ticket.Unclaim();
        desk.Announce(t, command.Reply, t.Text(BotText.Unclaimed, t.ActorMention),
            new ChoreButton(TicketCustomIds.Action(TicketAction.Claim, t.Ticket.Id), t.Text(BotText.Claim)));
        return TicketDto.From(t.Ticket);
    }
}

internal static class ClaimTicketEndpoints
{
    public static void Map(IEndpointRouteBuilder tickets)
    {
        tickets.MapPost("/{ticketId}/claim", (ulong guildId, Guid ticketId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ClaimTicketCommand(guildId, ticketId, null), ct))
            .AsTicketAction("ClaimTicket");
        tickets.MapPost("/{ticketId}/unclaim", (ulong guildId, Guid ticketId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new UnclaimTicketCommand(guildId, ticketId, null), ct))
            .AsTicketAction("UnclaimTicket");
    }
}
