using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Features.GetTicket;
using TicketSaas.Modules.Tickets.Localization;

namespace TicketSaas.Modules.Tickets.Features.TicketMembers;

/// <summary>Brings another member into the ticket's private thread.</summary>
public sealed record AddTicketMemberCommand(ulong GuildId, Guid TicketId, ulong UserId, DeferredReplyDto? Reply) : ICommand<TicketDto>, IAuditedCommand
{
    public ulong? AuditGuildId => GuildId;
}

/// <summary>Takes a member out of the ticket's thread; the opener stays.</summary>
public sealed record RemoveTicketMemberCommand(ulong GuildId, Guid TicketId, ulong UserId, DeferredReplyDto? Reply) : ICommand<TicketDto>, IAuditedCommand
{
    public ulong? AuditGuildId => GuildId;
}

internal sealed class AddTicketMemberCommandHandler(TicketDesk desk) : IRequestHandler<AddTicketMemberCommand, TicketDto>
{
    public async Task<TicketDto> Handle(AddTicketMemberCommand command, CancellationToken cancellationToken)
    {
        var t = await desk.ForStaffAsync(command.GuildId, command.TicketId, cancellationToken);
        var threadId = t.Ticket.ThreadForMemberChange(command.UserId, removing: false);
        desk.Enqueue(t.Ticket, new AddThreadMember(threadId, command.UserId));
        desk.Announce(t, command.Reply, t.Text(BotText.MemberAdded, t.ActorMention, TicketDesk.Mention(command.UserId)));
        return TicketDto.From(t.Ticket);
    }
}

internal sealed class RemoveTicketMemberCommandHandler(TicketDesk desk) : IRequestHandler<RemoveTicketMemberCommand, TicketDto>
{
    public async Task<TicketDto> Handle(RemoveTicketMemberCommand command, CancellationToken cancellationToken)
    {
        var t = await desk.ForStaffAsync(command.GuildId, command.TicketId, cancellationToken);
        var threadId = t.Ticket.ThreadForMemberChange(command.UserId, removing: true);
        desk.Enqueue(t.Ticket, new RemoveThreadMember(threadId, command.UserId));
        desk.Announce(t, command.Reply, t.Text(BotText.MemberRemoved, t.ActorMention, TicketDesk.Mention(command.UserId)));
        return TicketDto.From(t.Ticket);
    }
}

internal static class TicketMembersEndpoints
{
    public static void Map(IEndpointRouteBuilder tickets)
    {
        tickets.MapPut("/{ticketId}/members/{userId}", async (ulong guildId, Guid ticketId, ulong userId, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new AddTicketMemberCommand(guildId, ticketId, userId, null), ct))
            .AsTicketAction("AddTicketMember");
        tickets.MapDelete("/{ticketId}/members/{userId}", async (ulong guildId, Guid ticketId, ulong userId, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new RemoveTicketMemberCommand(guildId, ticketId, userId, null), ct))
            .AsTicketAction("RemoveTicketMember");
    }
}
