using MediatR;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Configuration;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Localization;

namespace TicketSaas.Modules.Tickets.Features.TicketPrompts;

/// <summary>
/// What the bot asks staff before some actions (confirm a close, give a reason, pick a log channel or a target
/// category), in the guild's language. Asking is already refused to members who may not act on the ticket.
/// </summary>
public sealed record GetTicketPromptsQuery(ulong GuildId, Guid TicketId) : IQuery<TicketPromptsDto>;

public sealed record TicketPromptsDto(
    int Number,
    string CloseQuestion,
    string ConfirmCloseLabel,
    string CloseTitle,
    string ReasonLabel,
    string DisableTimerTitle,
    string LogChannelLabel,
    string MoveQuestion,
    string NoMoveTarget,
    IReadOnlyList<MoveTargetDto> MoveTargets);

/// <summary>A category of the guild the ticket can move to.</summary>
public sealed record MoveTargetDto(Guid Id, string Name);

internal sealed class GetTicketPromptsQueryHandler(TicketDesk desk, GuildConfigurations configurations) : IRequestHandler<GetTicketPromptsQuery, TicketPromptsDto>
{
    public async Task<TicketPromptsDto> Handle(GetTicketPromptsQuery query, CancellationToken cancellationToken)
    {
        var t = await desk.ForStaffAsync(query.GuildId, query.TicketId, cancellationToken);
        var configuration = await configurations.GetAsync(query.GuildId, cancellationToken);
        var number = t.Ticket.Number;
        return new TicketPromptsDto(
            number,
            t.Text(BotText.CloseConfirm, number),
            t.Text(BotText.ConfirmClose),
            t.Text(BotText.CloseTitle, number),
            t.Text(BotText.Reason),
            t.Text(BotText.DisableTimerTitle),
            t.Text(BotText.LogChannel),
            t.Text(BotText.MoveChoose, number),
            t.Text(BotText.NoMoveTarget),
            [.. (configuration?.Guild.Categories ?? [])
                .Where(c => c.Id != t.Ticket.CategoryId && c.ParentChannelId is not null)
                .OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)
                .Select(c => new MoveTargetDto(c.Id, c.Name))]);
    }
}
