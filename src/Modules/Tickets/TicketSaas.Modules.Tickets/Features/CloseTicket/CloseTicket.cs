using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Features.GetTicket;
using TicketSaas.Modules.Tickets.Localization;

namespace TicketSaas.Modules.Tickets.Features.CloseTicket;

/// <summary>
/// Staff close the ticket, with an optional reason: the thread is told, then archived and locked (never deleted), and
/// the opener is asked for feedback by DM.
/// </summary>
public sealed record CloseTicketCommand(ulong GuildId, Guid TicketId, string? Reason, DeferredReplyDto? Reply) : ICommand<TicketDto>, IAuditedCommand
{
    public ulong? AuditGuildId => GuildId;
}

internal sealed class CloseTicketCommandValidator : AbstractValidator<CloseTicketCommand>
{
    public CloseTicketCommandValidator() => RuleFor(c => c.Reason).MaximumLength(TicketTexts.MaxReasonLength);
}

internal sealed class CloseTicketCommandHandler(TicketDesk desk, TicketCloser closer) : IRequestHandler<CloseTicketCommand, TicketDto>
{
    public async Task<TicketDto> Handle(CloseTicketCommand command, CancellationToken cancellationToken)
    {
        var t = await desk.ForStaffAsync(command.GuildId, command.TicketId, cancellationToken);
        closer.Close(t, command.Reason, command.Reply);
        return TicketDto.From(t.Ticket);
    }
}

/// <summary>Every way a ticket closes (staff, the opener accepting a close request, the inactivity timer) ends here.</summary>
internal sealed class TicketCloser(TicketDesk desk, IIntegrationEventPublisher events, TimeProvider clock)
{
    public void Close(DeskTicket t, string? reason, DeferredReplyDto? reply)
    {
        var ticket = t.Ticket;
        var now = clock.GetUtcNow();
        var hours = t.Inactivity.CloseAfter?.TotalHours ?? 0;
        ticket.Close(t.ActorId, reason, now);
        var announcement = t.ActorId is null ? t.Text(BotText.AutoClosed, hours)
            : ticket.CloseReason is { } given ? t.Text(BotText.ClosedWithReason, t.ActorMention, given)
            : t.Text(BotText.Closed, t.ActorMention);
        desk.Announce(t, reply, announcement, new ChoreButton(TicketCustomIds.Action(TicketAction.Reopen, ticket.Id), t.Text(BotText.Reopen)));
        desk.Enqueue(ticket, new ArchiveThread(ticket.ThreadId!.Value));
        desk.Enqueue(ticket, new AskForFeedback(
            ticket.OpenerId,
            t.Text(BotText.FeedbackAsk, ticket.Number, TicketDesk.ChannelMention(ticket.ThreadId.Value)),
            [.. Enumerable.Range(1, 5).Select(stars => new ChoreButton(TicketCustomIds.Rate(ticket.Id, stars), new string('★', stars), ChoreButtonStyle.Primary))]));
        events.Publish(new TicketClosedIntegrationEvent(
            Guid.CreateVersion7(now), now, ticket.GuildId, ticket.Id, ticket.Number, ticket.AllThreadIds, ticket.OpenerId, ticket.ClaimedBy,
            ticket.StaffParticipantIds, ticket.CategoryId, t.Category?.Name ?? "", t.Category?.LogChannelId, t.StaffRoleIds,
            [.. ticket.Answers.Select(a => new TicketOpenedIntegrationEvent.FormAnswer(a.Question, a.Answer))],
            ticket.ClosedBy, ticket.CloseReason, ticket.OpenedAt ?? ticket.CreatedAt, now, ticket.CloseCount, ticket.FirstStaffResponseAt, t.Language));
    }
}

internal static class CloseTicketEndpoint
{
    public static void Map(IEndpointRouteBuilder tickets) =>
        tickets.MapPost("/{ticketId}/close", (ulong guildId, Guid ticketId, CloseTicketRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new CloseTicketCommand(guildId, ticketId, body.Reason, null), ct))
            .AsTicketAction("CloseTicket");

    internal sealed record CloseTicketRequest(string? Reason);
}
