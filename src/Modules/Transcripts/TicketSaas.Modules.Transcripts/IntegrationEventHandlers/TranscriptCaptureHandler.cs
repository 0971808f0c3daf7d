using MediatR;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Transcripts.Features.CaptureTranscript;

namespace TicketSaas.Modules.Transcripts.IntegrationEventHandlers;

/// <summary>
/// One transcript per close. Named after its work rather than the event: queue names are class names, shared by every
/// module, and other modules consume <c>tickets.ticket-closed.v1</c> too.
/// </summary>
public sealed class TranscriptCaptureHandler
{
    /// <remarks>
    /// Two commits: the transcript first, so the link shared afterwards points at a row that exists, then the link with
    /// the inbox entry. A redelivery finds the transcript and only shares the link, which the nonces keep to one post.
    /// </remarks>
    public async Task Handle(TicketClosedIntegrationEvent closed, IMediator mediator, CancellationToken cancellationToken)
    {
        var transcriptId = await mediator.Send(new CaptureTranscriptCommand(closed), cancellationToken);
        await mediator.Send(new ShareTranscriptLinkCommand(closed, transcriptId), cancellationToken);
    }
}
