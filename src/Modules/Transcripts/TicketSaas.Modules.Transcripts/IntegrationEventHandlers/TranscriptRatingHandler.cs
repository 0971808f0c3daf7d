using MediatR;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Transcripts.Features.RecordRating;

namespace TicketSaas.Modules.Transcripts.IntegrationEventHandlers;

/// <summary>Copies the opener's stars onto the transcript, where search and statistics filter by them.</summary>
public sealed class TranscriptRatingHandler
{
    public Task Handle(TicketRatedIntegrationEvent rated, IMediator mediator, CancellationToken cancellationToken) =>
        mediator.Send(new RecordRatingCommand(rated), cancellationToken);
}
