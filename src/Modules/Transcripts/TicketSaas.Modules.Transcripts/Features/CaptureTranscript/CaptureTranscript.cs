using System.Security.Cryptography;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Transcripts.Contracts;
using TicketSaas.Modules.Transcripts.Domain.Documents;
using TicketSaas.Modules.Transcripts.Domain.Transcripts;
using TicketSaas.Modules.Transcripts.Features.SearchTranscripts;
using TicketSaas.Modules.Transcripts.Persistence;
using TicketSaas.Modules.Transcripts.Ports;
using TicketSaas.Modules.Transcripts.Storage;

namespace TicketSaas.Modules.Transcripts.Features.CaptureTranscript;

/// <summary>
/// Makes the transcript of one close: reads the ticket's threads on Discord, copies their files into our storage,
/// stores the document and commits the transcript row with <c>transcripts.transcript-created.v1</c>. Returns the
/// transcript's id; a close already captured is returned as it is, so a redelivered event captures nothing twice.
/// </summary>
public sealed record CaptureTranscriptCommand(TicketClosedIntegrationEvent Closed) : ICommand<Guid>;

internal sealed class CaptureTranscriptCommandHandler(
    TranscriptsDbContext db,
    ITicketHistory history,
    IFileStorage storage,
    TranscriptDocuments documents,
    IIntegrationEventPublisher events,
    IOptions<CaptureOptions> options,
    TimeProvider clock) : IRequestHandler<CaptureTranscriptCommand, Guid>
{
    public async Task<Guid> Handle(CaptureTranscriptCommand command, CancellationToken cancellationToken)
    {
        var closed = command.Closed;
        var captured = await db.Transcripts.AsNoTracking()
            .Where(t => t.TicketId == closed.TicketId && t.CloseSequence == closed.CloseSequence)
            .Select(t => (Guid?)t.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (captured is { } existing)
        {
            return existing;
        }

        // Discord is read and files are written before any row: the database holds no transaction while Discord is slow.
        var id = TranscriptIdOf(closed);
        var folder = $"guilds/{closed.GuildId}/transcripts/{id:N}";
        var files = new TranscriptFiles(storage, folder, id, options.Value.MaxFileBytes);
        var people = new[] { closed.OpenerId, closed.ClaimedBy, closed.ClosedBy }.OfType<ulong>().Distinct().ToList();
        var read = await history.ReadAsync(new HistoryRequest(closed.GuildId, closed.ThreadIds, people), files, cancellationToken);
        var documentFile = $"{folder}/document.json.gz";
        var document = DocumentOf(closed, read);
        await documents.SaveAsync(documentFile, document, cancellationToken);
        await files.RecordAsync(documentFile, "transcript.json.gz", "application/gzip", cancellationToken);

        var publicId = await db.Transcripts.AsNoTracking()
            .Where(t => t.TicketId == closed.TicketId)
            .OrderBy(t => t.CloseSequence)
            .Select(t => t.PublicId)
            .FirstOrDefaultAsync(cancellationToken) ?? NewPublicId();
        var now = clock.GetUtcNow();
        var transcript = Transcript.Create(id, closed.GuildId, closed.TicketId, closed.Number, closed.CloseSequence, publicId, closed.CategoryId,
            closed.CategoryName, closed.OpenerId, closed.ClaimedBy, closed.StaffParticipantIds, closed.StaffRoleIds, closed.ClosedBy, closed.Reason,
            closed.OpenedAt, closed.ClosedAt, read.Messages.Count, documentFile, TranscriptSearchText.Of(document), read.ContentMissing, now);
        db.Transcripts.Add(transcript);
        db.StoredFiles.AddRange(files.Kept);
        events.Publish(new TranscriptCreatedIntegrationEvent(Guid.NewGuid(), now, closed.GuildId, id, closed.TicketId, closed.Number,
            closed.CloseSequence, publicId, read.Messages.Count));
        return id;
    }

    /// <summary>
    /// Fixed by the close, not drawn per attempt: a capture interrupted after writing files and run again writes the
    /// same keys, so no orphaned copies pile up.
    /// </summary>
    private static Guid TranscriptIdOf(TicketClosedIntegrationEvent closed)
    {
        Span<byte> seed = stackalloc byte[20];
        closed.TicketId.TryWriteBytes(seed);
        BitConverter.TryWriteBytes(seed[16..], closed.CloseSequence);
        return new Guid(SHA256.HashData(seed)[..16]);
    }

    /// <summary>128 random bits: the link itself is the permission to read while public links are on.</summary>
    private static string NewPublicId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static TranscriptDocument DocumentOf(TicketClosedIntegrationEvent closed, TicketHistory read) =>
        new(TranscriptDocument.CurrentVersion,
            new TranscriptTicket(closed.TicketId, closed.Number, closed.GuildId, read.GuildName, closed.CategoryName, closed.OpenerId, closed.ClaimedBy,
                closed.ClosedBy, closed.Reason, closed.OpenedAt, closed.ClosedAt, closed.CloseSequence,
                [.. closed.Answers.Select(a => new TranscriptAnswer(a.Question, a.Answer))], closed.ThreadIds),
            read.Messages, read.Users, read.Roles, read.Channels, read.Emojis, read.ContentMissing);
}
