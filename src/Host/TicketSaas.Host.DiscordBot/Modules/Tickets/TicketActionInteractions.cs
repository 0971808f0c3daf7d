using MediatR;
using TicketSaas.BuildingBlocks.Discord.Builders;
using TicketSaas.BuildingBlocks.Discord.Entities;
using TicketSaas.BuildingBlocks.Discord.Interactions;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Features.ClaimTicket;
using TicketSaas.Modules.Tickets.Features.CloseTicket;
using TicketSaas.Modules.Tickets.Features.InactivityTimer;
using TicketSaas.Modules.Tickets.Features.MoveTicket;
using TicketSaas.Modules.Tickets.Features.RateTicket;
using TicketSaas.Modules.Tickets.Features.ReopenTicket;
using TicketSaas.Modules.Tickets.Features.RequestClose;
using TicketSaas.Modules.Tickets.Features.TicketPrompts;
using static TicketSaas.Host.DiscordBot.Modules.Tickets.TicketResponses;

namespace TicketSaas.Host.DiscordBot.Modules.Tickets;

/// <summary>
/// The buttons, selects and modals of a ticket (the welcome's, the announcements', the feedback DM's): each becomes one
/// command, or first a question (a confirmation, a modal) whose answer does. Whether the member may act is the
/// module's decision; a refusal is an ephemeral message and changes nothing.
/// </summary>
internal sealed class TicketActionInteractions(IMediator mediator) : IDiscordInteractionHandler
{
    public async ValueTask<DiscordInteractionResponse?> HandleAsync(InteractionCreated interaction, CancellationToken cancellationToken)
    {
        (string? customId, IReadOnlyList<string> values, ModalSubmitted? form) = interaction switch
        {
            ComponentInteractionCreated click => (click.CustomId, click.Values, null),
            ModalSubmitted submitted => (submitted.CustomId, [], submitted),
            _ => ((string?)null, (IReadOnlyList<string>)[], (ModalSubmitted?)null),
        };
        var component = customId is null ? null : TicketCustomIds.Parse(customId);
        var guildId = interaction.Interaction.GuildId;
        switch (component)
        {
            case RateTicket rate:
                return await RunAsync(mediator, guildId, new RateTicketCommand(rate.TicketId, rate.Stars), Thanks, cancellationToken);
            case ActOnTicket act when guildId is { } guild:
                return await ActAsync(interaction, guild, act, values, form, cancellationToken);
            case ActOnTicket:
                return await NoticeAsync(mediator, null, TicketNotice.GuildOnly, cancellationToken);
            default:
                return null;
        }
    }

    private async Task<DiscordInteractionResponse> ActAsync(InteractionCreated interaction, ulong guildId, ActOnTicket act, IReadOnlyList<string> values,
        ModalSubmitted? form, CancellationToken cancellationToken)
    {
        var ticketId = act.TicketId;
        var reply = ReplyOf(interaction);
        return act.Action switch
        {
            TicketAction.Claim => await RunAsync(mediator, guildId, new ClaimTicketCommand(guildId, ticketId, reply), Announced, cancellationToken),
            TicketAction.Unclaim => await RunAsync(mediator, guildId, new UnclaimTicketCommand(guildId, ticketId, reply), Announced, cancellationToken),
            TicketAction.Close => await RunAsync(mediator, guildId, new GetTicketPromptsQuery(guildId, ticketId), prompts => Ephemeral(prompts.CloseQuestion,
                new DiscordButton { Style = ButtonStyle.Danger, Label = prompts.ConfirmCloseLabel, CustomId = TicketCustomIds.Action(TicketAction.ConfirmClose, ticketId) }),
                cancellationToken),
            TicketAction.ConfirmClose => await RunAsync(mediator, guildId, new CloseTicketCommand(guildId, ticketId, null, reply), Announced, cancellationToken),
            TicketAction.CloseWithReason => await RunAsync(mediator, guildId, new GetTicketPromptsQuery(guildId, ticketId), prompts => DiscordInteractionResponse.Modal(
                new DiscordModalBuilder(TicketCustomIds.Action(TicketAction.CloseReasonForm, ticketId), prompts.CloseTitle)
                    .AddLabel(prompts.ReasonLabel, ReasonInput(required: false))), cancellationToken),
            TicketAction.CloseReasonForm => await RunAsync(mediator, guildId,
                new CloseTicketCommand(guildId, ticketId, Text(form, TicketCustomIds.ReasonField), reply), Announced, cancellationToken),
            TicketAction.Reopen => await RunAsync(mediator, guildId, new ReopenTicketCommand(guildId, ticketId, reply), Announced, cancellationToken),
            TicketAction.AcceptCloseRequest or TicketAction.DenyCloseRequest => await RunAsync(mediator, guildId,
                new AnswerCloseRequestCommand(guildId, ticketId, act.Action == TicketAction.AcceptCloseRequest, reply), Announced, cancellationToken),
            TicketAction.DisableTimer => await RunAsync(mediator, guildId, new GetTicketPromptsQuery(guildId, ticketId), prompts => DiscordInteractionResponse.Modal(
                new DiscordModalBuilder(TicketCustomIds.Action(TicketAction.DisableTimerForm, ticketId), prompts.DisableTimerTitle)
                    .AddLabel(prompts.ReasonLabel, ReasonInput(required: true))
                    .AddLabel(prompts.LogChannelLabel, new DiscordChannelSelect
                    {
                        CustomId = TicketCustomIds.LogChannelField,
                        ChannelTypes = [ChannelType.GuildText],
                        MinValues = 0,
                        MaxValues = 1,
                        Required = false,
                    })), cancellationToken),
            TicketAction.DisableTimerForm => await RunAsync(mediator, guildId, new DisableTicketTimerCommand(guildId, ticketId,
                Text(form, TicketCustomIds.ReasonField) ?? "", Chosen(form), reply), Announced, cancellationToken),
            TicketAction.EnableTimer => await RunAsync(mediator, guildId, new EnableTicketTimerCommand(guildId, ticketId, reply), Announced, cancellationToken),
            TicketAction.Move when values is [var chosen] && Guid.TryParseExact(chosen, "N", out var categoryId) =>
                await RunAsync(mediator, guildId, new MoveTicketCommand(guildId, ticketId, categoryId, reply), Announced, cancellationToken),
            _ => await NoticeAsync(mediator, guildId, TicketNotice.UnknownComponent, cancellationToken),
        };
    }

    /// <summary>The feedback DM's stars give way to the thanks, so nobody rates twice by accident.</summary>
    private static DiscordInteractionResponse Thanks(string thanks) =>
        DiscordInteractionResponse.UpdateMessage(new DiscordMessageBuilder().WithContent(thanks).ReplacingComponents());

    private static DiscordTextInput ReasonInput(bool required) => new()
    {
        CustomId = TicketCustomIds.ReasonField,
        Style = TextInputStyle.Paragraph,
        Required = required,
        MaxLength = TicketTexts.MaxReasonLength,
    };

    private static string? Text(ModalSubmitted? form, string field) =>
        form?.Values.TryGetValue(field, out var text) == true && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static ulong? Chosen(ModalSubmitted? form) =>
        form?.Choices.TryGetValue(TicketCustomIds.LogChannelField, out var chosen) == true && chosen is [var id]
        && ulong.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var channelId) ? channelId : null;
}
