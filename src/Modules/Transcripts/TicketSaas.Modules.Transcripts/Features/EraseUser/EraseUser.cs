using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Transcripts.Domain.Documents;
using TicketSaas.Modules.Transcripts.Domain.Transcripts;
using TicketSaas.Modules.Transcripts.Features.SearchTranscripts;
using TicketSaas.Modules.Transcripts.Persistence;
using TicketSaas.Modules.Transcripts.Storage;

namespace TicketSaas.Modules.Transcripts.Features.EraseUser;

// GDPR erasure of one user's words from a guild's transcripts. Any member may have written in any ticket, so every
// document of the guild is read; those with the user's messages are rewritten in place (the storage replaces a file
// atomically), with the search text rebuilt from the result. The user's uploads go from storage before their rows,
// so a crash part-way leaves rows, and documents still naming the user as author, that a second run finds and
// finishes: running it again is always safe and then changes nothing.
//
// Not an audited command: the audit trail records each changed column's old value, which here is the erased text.
// The Erasure row is the record of who asked and what changed.

/// <summary>Replaces the user's messages in every transcript of the guild with "[erased]" and deletes their uploads.</summary>
public sealed record EraseUserCommand(ulong GuildId, ulong UserId) : ICommand<ErasureDto>;

public sealed record ErasureDto(Guid Id, ulong GuildId, ulong UserId, int TranscriptsRewritten, int MessagesErased, int FilesDeleted, DateTimeOffset At);

internal sealed class EraseUserCommandValidator : AbstractValidator<EraseUserCommand>
{
    public EraseUserCommandValidator() => RuleFor(c => c.UserId).NotEmpty();
}

internal sealed class EraseUserCommandHandler(
    TranscriptsDbContext db, TranscriptDocuments documents, IFileStorage storage, ICallerAccessor callers, TimeProvider clock)
    : IRequestHandler<EraseUserCommand, ErasureDto>
{
    private const int Batch = 100;

    public async Task<ErasureDto> Handle(EraseUserCommand command, CancellationToken cancellationToken)
    {
        var (rewritten, messages, files) = (0, 0, 0);
        Guid? after = null;
        while (true)
        {
            var batch = await db.Transcripts.AsNoTracking()
                .Where(t => t.GuildId == command.GuildId && (after == null || t.Id.CompareTo(after.Value) > 0))
                .OrderBy(t => t.Id)
                .Select(t => new { t.Id, t.DocumentFile })
                .Take(Batch)
                .ToListAsync(cancellationToken);
            foreach (var transcript in batch)
            {
                var document = await documents.LoadAsync(transcript.DocumentFile, cancellationToken);
                if (document is null || !UserErasure.Concerns(document, command.UserId))
                {
                    continue;
                }

                var erasure = UserErasure.Apply(document, command.UserId);
                if (erasure.Changed)
                {
                    await documents.SaveAsync(transcript.DocumentFile, erasure.Document, cancellationToken);
                }

                var entity = await db.Transcripts.SingleAsync(t => t.Id == transcript.Id, cancellationToken);
                var searchText = TranscriptSearchText.Of(erasure.Document);
                if (erasure.Changed || entity.SearchText != searchText)
                {
                    entity.Rewritten(transcript.DocumentFile, searchText);
                    rewritten++;
                }

                messages += erasure.MessagesErased;
                files += await DeleteFilesAsync(transcript.Id, command.UserId, erasure.RemovedFiles, cancellationToken);
            }

            if (batch.Count < Batch)
            {
                break;
            }

            after = batch[^1].Id;
        }

        var record = Erasure.Record(Guid.CreateVersion7(), command.GuildId, command.UserId, callers.Caller.UserId, rewritten, messages, files, clock.GetUtcNow());
        db.Erasures.Add(record);
        return new ErasureDto(record.Id, record.GuildId, record.UserId, rewritten, messages, files, record.At);
    }

    /// <summary>
    /// The user's uploads: files recorded as theirs, and the attachments just taken out of their messages. Capture keeps
    /// each member's uploads under their own keys, so none of these is also another member's.
    /// </summary>
    private async Task<int> DeleteFilesAsync(Guid transcriptId, ulong userId, IReadOnlyList<string> removed, CancellationToken cancellationToken)
    {
        var rows = await db.StoredFiles
            .Where(f => f.TranscriptId == transcriptId && (f.OwnerId == userId || removed.Contains(f.Key)))
            .ToListAsync(cancellationToken);
        var keys = rows.Select(f => f.Key).Union(removed).ToList();
        foreach (var key in keys)
        {
            await storage.DeleteAsync(key, cancellationToken);
        }

        db.StoredFiles.RemoveRange(rows);
        return keys.Count;
    }
}

/// <summary>A document with one user's words taken out.</summary>
/// <param name="Changed">Something was taken out now: false when an earlier erasure already did it all.</param>
/// <param name="RemovedFiles">Stored-file keys of the attachments taken out.</param>
internal sealed record UserErasure(TranscriptDocument Document, bool Changed, int MessagesErased, IReadOnlyList<string> RemovedFiles)
{
    public const string Marker = "[erased]";

    /// <summary>The user wrote in the ticket or opened it (their form answers): a document an erasure must look at, even a second time.</summary>
    public static bool Concerns(TranscriptDocument document, ulong userId) =>
        document.Ticket.OpenerId == userId || document.Messages.Any(m => m.AuthorId == userId);

    /// <summary>
    /// The user's messages keep their place, author and time (the conversation stays readable) but lose their text,
    /// their attachments and their embeds (link previews quote what they linked). The opener's form answers are their
    /// words too.
    /// </summary>
    public static UserErasure Apply(TranscriptDocument document, ulong userId)
    {
        var erased = 0;
        var removedFiles = new List<string>();
        var messages = document.Messages.Select(message =>
        {
            if (message.AuthorId != userId || IsErased(message))
            {
                return message;
            }

            erased++;
            removedFiles.AddRange(message.Attachments.Select(a => a.File).OfType<string>());
            return message with { Content = message.Content.Length == 0 ? "" : Marker, Attachments = [], Embeds = [] };
        }).ToList();
        var answersErased = document.Ticket.OpenerId == userId && document.Ticket.Answers.Any(a => a.Answer != Marker);
        var ticket = answersErased
            ? document.Ticket with { Answers = [.. document.Ticket.Answers.Select(a => a with { Answer = Marker })] }
            : document.Ticket;
        return new UserErasure(document with { Messages = messages, Ticket = ticket }, erased > 0 || answersErased, erased, removedFiles);
    }

    private static bool IsErased(TranscriptMessage message) =>
        message.Content is "" or Marker && message.Attachments.Count == 0 && message.Embeds.Count == 0;
}

internal static class EraseUserEndpoint
{
    public static void Map(IEndpointRouteBuilder transcripts) =>
        transcripts.MapPost("/erasures", (ulong guildId, EraseUserRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new EraseUserCommand(guildId, body.UserId ?? 0), ct))
            .RequireAuthorization(Policies.GuildAdmin)
            .WithName("EraseTranscriptUser")
            .ProducesValidationProblem();

    internal sealed record EraseUserRequest(ulong? UserId);
}
