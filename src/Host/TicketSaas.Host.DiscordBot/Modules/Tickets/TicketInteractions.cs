using MediatR;
using TicketSaas.BuildingBlocks.Discord.Builders;
using TicketSaas.BuildingBlocks.Discord.Entities;
using TicketSaas.BuildingBlocks.Discord.Interactions;
using TicketSaas.Modules.Tickets.Domain.Categories;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Features.OpenTicket;
using TicketSaas.Modules.Tickets.Contracts;

namespace TicketSaas.Host.DiscordBot.Modules.Tickets;

/// <summary>
/// Panel clicks and ticket forms: one interaction becomes one command, its outcome one response. Refusals and forms
/// need only the database and are answered at once; an accepted request is deferred, and the opening worker edits
/// the reply when the thread is ready. Registered last: a component or modal nobody else claimed is answered here.
/// </summary>
internal sealed class TicketInteractions(IMediator mediator) : IDiscordInteractionHandler
{
    public async ValueTask<DiscordInteractionResponse?> HandleAsync(InteractionCreated interaction, CancellationToken cancellationToken)
    {
        var (customId, command) = interaction switch
        {
            ComponentInteractionCreated click => (click.CustomId, ReadClick(click)),
            ModalSubmitted form => (form.CustomId, ReadForm(form)),
            _ => (null, null),
        };
        if (customId is null)
        {
            return null;
        }

        var guildId = interaction.Interaction.GuildId;
        if (guildId is null || interaction.Interaction.Member?.User is null)
        {
            return await TicketResponses.NoticeAsync(mediator, null, TicketNotice.GuildOnly, cancellationToken);
        }

        if (command is null)
        {
            return await TicketResponses.NoticeAsync(mediator, guildId, TicketNotice.UnknownComponent, cancellationToken);
        }

        return await TicketResponses.RunAsync(mediator, guildId, command, Respond, cancellationToken);
    }

    private static IRequest<TicketRequestOutcomeDto>? ReadClick(ComponentInteractionCreated click)
    {
        if (TicketCustomIds.Parse(click.CustomId) is not OpenFromPanel open || Opener(click) is not { } opener)
        {
            return null;
        }

        var categoryId = open.CategoryId ?? (click.Values is [var value] && Guid.TryParseExact(value, "N", out var chosen) ? chosen : null);
        return categoryId is { } category
            ? new RequestTicketCommand(click.Interaction.GuildId!.Value, open.PanelId, category, opener, Asking(click))
            : null;
    }

    private static IRequest<TicketRequestOutcomeDto>? ReadForm(ModalSubmitted form)
    {
        if (TicketCustomIds.Parse(form.CustomId) is not SubmitForm submit || Opener(form) is not { } opener)
        {
            return null;
        }

        var fields = new List<SubmittedField>();
        foreach (var (id, text) in form.Values)
        {
            if (TicketCustomIds.QuestionIndex(id) is not { } index)
            {
                return null;
            }

            fields.Add(new SubmittedField(index, text, null));
        }

        foreach (var (id, choices) in form.Choices)
        {
            if (TicketCustomIds.QuestionIndex(id) is not { } index)
            {
                return null;
            }

            fields.Add(new SubmittedField(index, null, choices));
        }

        return new SubmitTicketFormCommand(form.Interaction.GuildId!.Value, submit.PanelId, submit.CategoryId, submit.Nonce, fields, opener, Asking(form));
    }

    private static Opener? Opener(InteractionCreated interaction) =>
        interaction.Interaction is { GuildId: not null, Member: { User: { } user } member }
            ? new Opener(user.Id, user.Username, member.Roles)
            : null;

    private static AskingInteractionDto Asking(InteractionCreated interaction) =>
        new(interaction.Interaction.Id, interaction.Interaction.ApplicationId, interaction.Interaction.Token);

    private static DiscordInteractionResponse Respond(TicketRequestOutcomeDto outcome)
    {
        switch (outcome)
        {
            case TicketRefusedDto refused:
                return TicketResponses.Ephemeral(refused.Message);
            case TicketFormRequiredDto form:
                return DiscordInteractionResponse.Modal(Modal(form));
            case TicketOpeningStartedDto:
                return DiscordInteractionResponse.DeferredReply(ephemeral: true);
            default:
                throw new InvalidOperationException($"No response for {outcome.GetType().Name}.");
        }
    }

    private static DiscordModalBuilder Modal(TicketFormRequiredDto form)
    {
        var modal = new DiscordModalBuilder(form.CustomId, form.Title);
        for (var i = 0; i < form.Questions.Count; i++)
        {
            var question = form.Questions[i];
            DiscordComponent input = question.Style == FormQuestionStyle.Select
                ? new DiscordStringSelect
                {
                    CustomId = TicketCustomIds.Question(i),
                    Placeholder = question.Placeholder,
                    Required = question.Required,
                    Options = [.. question.Options.Select(o => new DiscordSelectOption { Label = o.Label, Value = o.Value })],
                }
                : new DiscordTextInput
                {
                    CustomId = TicketCustomIds.Question(i),
                    Style = question.Style == FormQuestionStyle.Paragraph ? TextInputStyle.Paragraph : TextInputStyle.Short,
                    Required = question.Required,
                    MinLength = question.MinLength,
                    MaxLength = question.MaxLength,
                    Placeholder = question.Placeholder,
                };
            modal.AddLabel(question.Label, input);
        }

        return modal;
    }
}
