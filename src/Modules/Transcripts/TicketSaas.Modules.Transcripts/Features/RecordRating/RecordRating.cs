using MediatR;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Transcripts.IntegrationEventHandlers;
using TicketSaas.Modules.Transcripts.Persistence;

namespace TicketSaas.Modules.Transcripts.Features.RecordRating;

/// <summary>
/// Sets the rating on the transcript of the close the opener rated: the latest one closed before the rating. A rating
/// that overtakes its transcript's capture fails and is delivered again later, when the transcript exists.
/// </summary>
public sealed record RecordRatingCommand(TicketRatedIntegrationEvent Rated) : IConsumeCommand
{
    public Guid EventId => Rated.Id;

    public string Consumer => ConsumerName.Of(typeof(TranscriptRatingHandler));
}

internal sealed class RecordRatingCommandHandler(TranscriptsDbContext db) : IRequestHandler<RecordRatingCommand, Unit>
{
    public async Task<Unit> Handle(RecordRatingCommand command, CancellationToken cancellationToken)
    {
        var rated = command.Rated;
        var transcript = await db.Transcripts
            .Where(t => t.TicketId == rated.TicketId && t.ClosedAt <= rated.OccurredAt)
            .OrderByDescending(t => t.CloseSequence)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new UnavailableException($"Ticket {rated.TicketId} has no transcript yet; its rating is recorded once the transcript is captured.");
        transcript.Rate(rated.Stars);
        return Unit.Value;
    }
}
