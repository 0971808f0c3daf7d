using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Features.CloseTicket;
using TicketSaas.Modules.Tickets.Features.GetTicket;
using TicketSaas.Modules.Tickets.Localization;

namespace TicketSaas.Modules.Tickets.Features.RequestClose;

/// <summary>Staff ask the opener whether the ticket may close; the opener answers with the message's buttons.</summary>
public sealed record RequestCloseCommand(ulong GuildId, Guid TicketId, string? Reason, DeferredReplyDto? Reply) : ICommand<TicketDto>, IAuditedCommand
{
    public ulong? AuditGuildId => GuildId;
}

/// <summary>The opener's answer: accepting closes the ticket (by the opener), denying keeps it open.</summary>
public sealed record AnswerCloseRequestCommand(ulong GuildId, Guid TicketId, bool Accept, DeferredReplyDto? Reply) : ICommand<TicketDto>, IAuditedCommand
{
    public ulong? AuditGuildId => GuildId;
}

internal sealed class RequestCloseCommandValidator : AbstractValidator<RequestCloseCommand>
{
    public RequestCloseCommandValidator() => RuleFor(c => c.Reason).MaximumLength(TicketTexts.MaxReasonLength);
}

internal sealed class RequestCloseCommandHandler(TicketDesk desk) : IRequestHandler<RequestCloseCommand, TicketDto>
{
    public async Task<TicketDto> Handle(RequestCloseCommand command, CancellationToken cancellationToken)
    {
        var t = await desk.ForStaffAsync(command.GuildId, command.TicketId, cancellationToken);
        t.Ticket.RequestClose(t.Actor, command.Reason);
        var opener = TicketDesk.Mention(t.Ticket.OpenerId);
        var question = t.Ticket.CloseRequestReason is { } reason
            ? t.Text(BotText.CloseRequestedWithReason, t.ActorMention, opener, reason)
            : t.Text(BotText.CloseRequested, t.ActorMention, opener);
        desk.Announce(t, command.Reply, question,
            new ChoreButton(TicketCustomIds.Action(TicketAction.AcceptCloseRequest, t.Ticket.Id), t.Text(BotText.AcceptClose), ChoreButtonStyle.Success),
            new ChoreButton(TicketCustomIds.Action(TicketAction.DenyCloseRequest, t.Ticket.Id), t.Text(BotText.DenyClose)));
        return TicketDto.From(t.Ticket);
    }
}

internal sealed class AnswerCloseRequestCommandHandler(TicketDesk desk, TicketCloser closer, TimeProvider clock)
    : IRequestHandler<AnswerCloseRequestCommand, TicketDto>
{
    public async Task<TicketDto> Handle(AnswerCloseRequestCommand command, CancellationToken cancellationToken)
    {
        var t = await desk.ForOpenerAsync(command.GuildId, command.TicketId, cancellationToken);
        if (command.Accept)
        {
            closer.Close(t, t.Ticket.AcceptCloseRequest(t.Actor), command.Reply);
        }
        else
        {
            t.Ticket.DenyCloseRequest(t.Actor, clock.GetUtcNow(), t.Inactivity);
            desk.Announce(t, command.Reply, t.Text(BotText.CloseRequestDenied, t.ActorMention));
        }

        return TicketDto.From(t.Ticket);
    }
}

internal static class RequestCloseEndpoint
{
    public static void Map(IEndpointRouteBuilder tickets) =>
        tickets.MapPost("/{ticketId}/close-request", (ulong guildId, Guid ticketId, RequestCloseRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RequestCloseCommand(guildId, ticketId, body.Reason, null), ct))
            .AsTicketAction("RequestTicketClose");

    internal sealed record RequestCloseRequest(string? Reason);
}
