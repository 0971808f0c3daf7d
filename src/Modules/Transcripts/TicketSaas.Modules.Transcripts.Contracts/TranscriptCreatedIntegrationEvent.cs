using TicketSaas.BuildingBlocks.Application.Messaging;

namespace TicketSaas.Modules.Transcripts.Contracts;

/// <summary>
/// A closed ticket's transcript was captured: its messages and files are in our storage, readable under the ticket's
/// stable link whatever happens to the thread on Discord.
/// </summary>
/// <param name="CloseSequence">Which close of the ticket this transcript records (1 for the first).</param>
/// <param name="PublicId">The ticket's stable link id, the same for every close of the ticket.</param>
[IntegrationEventName("transcripts.transcript-created.v1")]
public sealed record TranscriptCreatedIntegrationEvent(
    Guid Id,
    DateTimeOffset OccurredAt,
    ulong GuildId,
    Guid TranscriptId,
    Guid TicketId,
    int TicketNumber,
    int CloseSequence,
    string PublicId,
    int MessageCount) : IIntegrationEvent;
