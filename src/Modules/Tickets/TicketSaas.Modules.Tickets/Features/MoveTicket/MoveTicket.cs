using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Configuration;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Features.GetTicket;
using TicketSaas.Modules.Tickets.Localization;

namespace TicketSaas.Modules.Tickets.Features.MoveTicket;

/// <summary>
/// Moves the ticket to another category of its guild. A thread cannot change its parent, so the ticket keeps its id and
/// number and gets a new private thread under the target category's channel, with the opener and the new staff; the old
/// thread links to the new one and is archived and locked.
/// </summary>
public sealed record MoveTicketCommand(ulong GuildId, Guid TicketId, Guid CategoryId, DeferredReplyDto? Reply) : ICommand<TicketDto>, IAuditedCommand
{
    public ulong? AuditGuildId => GuildId;
}

internal sealed class MoveTicketCommandHandler(TicketDesk desk, GuildConfigurations configurations, IIntegrationEventPublisher events, TimeProvider clock)
    : IRequestHandler<MoveTicketCommand, TicketDto>
{
    public async Task<TicketDto> Handle(MoveTicketCommand command, CancellationToken cancellationToken)
    {
        var t = await desk.ForStaffAsync(command.GuildId, command.TicketId, cancellationToken);
        var configuration = await configurations.GetAsync(command.GuildId, cancellationToken);
        var target = configuration?.Guild.Categories.SingleOrDefault(c => c.Id == command.CategoryId)
            ?? throw new NotFoundException("Category", command.CategoryId.ToString("D", CultureInfo.InvariantCulture));
        var ticket = t.Ticket;
        var from = ticket.CategoryId;
        var formerThread = ticket.ThreadId!.Value;
        var now = clock.GetUtcNow();
        ticket.BeginMove(target, t.Actor, InactivityPolicy.Of(target), now);
        desk.Announce(t, command.Reply, t.Text(BotText.MovingTo, t.ActorMention, target.Name));
        desk.Enqueue(ticket, new OpenMovedThread(t.Language));
        events.Publish(new TicketMovedIntegrationEvent(Guid.CreateVersion7(now), now, ticket.GuildId, ticket.Id, ticket.Number, from, target.Id, formerThread, t.Actor));
        return TicketDto.From(ticket);
    }
}

internal static class MoveTicketEndpoint
{
    public static void Map(IEndpointRouteBuilder tickets) =>
        tickets.MapPost("/{ticketId}/move", (ulong guildId, Guid ticketId, MoveTicketRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new MoveTicketCommand(guildId, ticketId, body.CategoryId, null), ct))
            .AsTicketAction("MoveTicket");

    internal sealed record MoveTicketRequest(Guid CategoryId);
}
