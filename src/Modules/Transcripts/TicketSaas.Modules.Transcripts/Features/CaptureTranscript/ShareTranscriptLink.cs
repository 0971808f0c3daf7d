using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Transcripts.IntegrationEventHandlers;
using TicketSaas.Modules.Transcripts.Persistence;
using TicketSaas.Modules.Transcripts.Ports;

namespace TicketSaas.Modules.Transcripts.Features.CaptureTranscript;

/// <summary>
/// Posts a captured transcript's link to the category's log channel and DMs it to the opener; the inbox entry commits
/// with the DM's outcome. Both posts carry nonces made from the transcript, so a delivery repeated after a crash
/// between the posts and the commit shows nothing twice.
/// </summary>
public sealed record ShareTranscriptLinkCommand(TicketClosedIntegrationEvent Closed, Guid TranscriptId) : IConsumeCommand
{
    public Guid EventId => Closed.Id;

    public string Consumer => ConsumerName.Of(typeof(TranscriptCaptureHandler));
}

internal sealed class ShareTranscriptLinkCommandHandler(
    TranscriptsDbContext db,
    ITranscriptNotices notices,
    IOptions<TranscriptLinkOptions> links,
    ILogger<ShareTranscriptLinkCommandHandler> logger) : IRequestHandler<ShareTranscriptLinkCommand, Unit>
{
    public async Task<Unit> Handle(ShareTranscriptLinkCommand command, CancellationToken cancellationToken)
    {
        var closed = command.Closed;
        var transcript = await db.Transcripts.SingleAsync(t => t.Id == command.TranscriptId, cancellationToken);
        var link = links.Value.LinkTo(transcript.PublicId);
        if (closed.LogChannelId is { } logChannel)
        {
            try
            {
                await notices.PostAsync(logChannel, TranscriptText.Get(closed.Language, TranscriptText.LogPost, closed.Number, closed.CategoryName,
                    closed.OpenerId, link), Nonce('l', transcript.Id), cancellationToken);
            }
            catch (NoticeRefusedException refused)
            {
                // A log channel the bot may no longer post in must not hold back the opener's copy; the transcript stands.
                logger.LogWarning(refused, "Transcript {TranscriptId}'s link could not be posted to log channel {ChannelId}", transcript.Id, logChannel);
            }
        }

        try
        {
            await notices.DirectMessageAsync(closed.OpenerId, TranscriptText.Get(closed.Language, TranscriptText.DirectMessage, closed.Number,
                closed.CategoryName, link), Nonce('d', transcript.Id), cancellationToken);
        }
        catch (NoticeRefusedException refused)
        {
            transcript.DirectMessageFailed(refused.Message);
        }

        return Unit.Value;
    }

    /// <summary>Discord keeps nonces of up to 25 characters; 92 bits of the transcript's id keep them apart.</summary>
    private static string Nonce(char kind, Guid transcriptId) => $"t{kind}{transcriptId:N}"[..25];
}
