using Microsoft.Extensions.Logging;
using TicketSaas.BuildingBlocks.Discord.Builders;
using TicketSaas.BuildingBlocks.Discord.Rest;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Ports;

namespace TicketSaas.Modules.Tickets.Infrastructure.Discord;

internal sealed partial class DiscordInteractionReplies(DiscordRestClient discord, ILogger<DiscordInteractionReplies> logger) : IInteractionReplies
{
    /// <summary>
    /// The deferral travels back to Discord as the interaction's answer, and the work behind it starts at the commit,
    /// before that answer is sent: a fast chore can find the reply unknown for a moment. Waits double from this.
    /// </summary>
    private static readonly TimeSpan DeferralGrace = TimeSpan.FromMilliseconds(250);

    /// <summary>About 15 seconds of waiting in all, far more than an answer takes to reach Discord even on a busy machine.</summary>
    private const int Attempts = 7;

    public async Task EditAsync(InteractionReply reply, string content, IReadOnlyList<ChoreButton> buttons, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await discord.EditOriginalResponseAsync(reply.ApplicationId, reply.Token, DiscordTicketThreads.Message(content, buttons), cancellationToken);
                return;
            }
            catch (DiscordRestException unknown) when (unknown.Status == System.Net.HttpStatusCode.NotFound && attempt < Attempts)
            {
                await Task.Delay(DeferralGrace * (1 << (attempt - 1)), cancellationToken);
            }
            catch (DiscordRestException failure)
            {
                // The outcome stands either way; only the member's notice is lost (e.g. a token past its 15 minutes).
                LogReplyLost(failure);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reply to an interaction could not be delivered")]
    private partial void LogReplyLost(Exception exception);
}
