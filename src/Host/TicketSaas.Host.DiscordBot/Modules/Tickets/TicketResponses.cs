using MediatR;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Discord.Builders;
using TicketSaas.BuildingBlocks.Discord.Entities;
using TicketSaas.BuildingBlocks.Discord.Interactions;
using TicketSaas.Host.DiscordBot.Interactions;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Features.GetBotText;

namespace TicketSaas.Host.DiscordBot.Modules.Tickets;

/// <summary>How the Tickets handlers run a command from an interaction and turn its outcome into the answer.</summary>
internal static class TicketResponses
{
    /// <summary>Two interactions racing for one row (a ticket number, a ticket's state): the loser simply tries again.</summary>
    private const int Attempts = 3;

    /// <summary>
    /// Runs the command. A refusal (a member who may not act, a closed ticket, another guild's ticket, bad input)
    /// becomes a message only the member sees; the unit of work rolled back, so nothing changed.
    /// </summary>
    public static async Task<DiscordInteractionResponse> RunAsync<TResult>(
        IMediator mediator, ulong? guildId, IRequest<TResult> command, Func<TResult, DiscordInteractionResponse> respond, CancellationToken cancellationToken)
    {
        var (result, refusal) = await TryAsync(mediator, guildId, command, cancellationToken);
        return refusal ?? respond(result!);
    }

    /// <summary>Runs the command; the result, or the refusal to answer with instead.</summary>
    public static async Task<(TResult? Result, DiscordInteractionResponse? Refusal)> TryAsync<TResult>(
        IMediator mediator, ulong? guildId, IRequest<TResult> command, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (await mediator.Send(command, cancellationToken), null);
            }
            catch (ConflictException) when (attempt < Attempts)
            {
                // Nothing was written: try again with a fresh look at the rows.
            }
            catch (ConflictException)
            {
                return (default, await NoticeAsync(mediator, guildId, TicketNotice.Busy, cancellationToken));
            }
            catch (Exception failure) when (ErrorDescription.Of(failure) is { Status: < 500 } error)
            {
                var refusal = await mediator.Send(new GetRefusalTextQuery(guildId, error.Code, EphemeralErrorReply.From(failure).Content), cancellationToken);
                return (default, Ephemeral(refusal));
            }
        }
    }

    /// <summary>
    /// An accepted staff action: "thinking…" in the thread at once, filled with the announcement by the ticket's chores
    /// in order with the Discord work behind it (so "closed" is shown before the thread locks).
    /// </summary>
    public static DiscordInteractionResponse Announced<T>(T _) => DiscordInteractionResponse.DeferredReply(ephemeral: false);

    public static DeferredReplyDto ReplyOf(InteractionCreated interaction) => new(interaction.Interaction.ApplicationId, interaction.Interaction.Token);

    public static async Task<DiscordInteractionResponse> NoticeAsync(IMediator mediator, ulong? guildId, TicketNotice notice, CancellationToken cancellationToken,
        string? argument = null) =>
        Ephemeral(await mediator.Send(new GetBotTextQuery(guildId, notice, argument), cancellationToken));

    public static DiscordInteractionResponse Ephemeral(string content, params DiscordComponent[] row)
    {
        var message = new DiscordMessageBuilder().WithContent(content).AsEphemeral();
        if (row.Length > 0)
        {
            message.AddActionRow(row);
        }

        return DiscordInteractionResponse.Reply(message);
    }
}
