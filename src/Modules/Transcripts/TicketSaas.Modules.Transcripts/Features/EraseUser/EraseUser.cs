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

// GDPR erasure of one user from a guild's transcripts. Any member may have written in, or been named by, any ticket,
// so every document of the guild is read; those that hold the user are rewritten in place (the storage replaces a file
// atomically), with the search text and the close reason rebuilt from the result. Then every stored file of the
// transcript that the document no longer shows goes, storage first and rows at the commit: a crash part-way leaves
// rows that a second run finds unshown and deletes. Running it again is always safe and then changes nothing.
//
// Not an audited command: the audit trail records each changed column's old value, which here is the erased text.
// The Erasure row is the record of who asked and what changed.

/// <summary>
/// Takes one user out of every transcript of the guild: their messages' texts, files, embeds and stickers, their names
/// and avatar, their form answers and their close reason become "[erased]" or go.
/// </summary>
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
                var closeReason = erasure.Document.Ticket.CloseReason;
                if (erasure.Changed || entity.SearchText != searchText || entity.CloseReason != closeReason)
                {
                    entity.Rewritten(transcript.DocumentFile, searchText, closeReason);
                    rewritten++;
                }

                messages += erasure.MessagesErased;
                files += await DeleteUnshownFilesAsync(transcript.Id, transcript.DocumentFile, erasure.Document, cancellationToken);
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
    /// The files the document no longer shows: the user's uploads, their avatar, their embeds' images, and any left by
    /// an earlier run that died before its commit. A file another part of the document still shows (the same picture
    /// as someone else's avatar) stays.
    /// </summary>
    private async Task<int> DeleteUnshownFilesAsync(Guid transcriptId, string documentFile, TranscriptDocument document, CancellationToken cancellationToken)
    {
        var shown = UserErasure.FilesOf(document).Append(documentFile).ToHashSet(StringComparer.Ordinal);
        var unshown = (await db.StoredFiles.Where(f => f.TranscriptId == transcriptId).ToListAsync(cancellationToken))
            .Where(f => !shown.Contains(f.Key))
            .ToList();
        foreach (var file in unshown)
        {
            await storage.DeleteAsync(file.Key, cancellationToken);
        }

        db.StoredFiles.RemoveRange(unshown);
        return unshown.Count;
    }
}

/// <summary>A document with one user taken out.</summary>
/// <param name="Changed">Something was taken out now: false when an earlier erasure already did it all.</param>
internal sealed record UserErasure(TranscriptDocument Document, bool Changed, int MessagesErased)
{
    public const string Marker = "[erased]";

    /// <summary>The user wrote in the ticket, opened or closed it, or is named in it: a document an erasure must look at, even a second time.</summary>
    public static bool Concerns(TranscriptDocument document, ulong userId) =>
        document.Ticket.OpenerId == userId || document.Ticket.ClosedBy == userId || document.Users.ContainsKey(userId)
        || document.Messages.Any(m => m.AuthorId == userId);

    /// <summary>
    /// The user's messages keep their place, author and time (the conversation stays readable) but lose their text,
    /// their attachments, their embeds (link previews quote what they linked) and their stickers. Their names and face
    /// go wherever the page shows them (authors, mentions, the ticket's people). The opener's form answers and the
    /// closer's reason are their words too.
    /// </summary>
    public static UserErasure Apply(TranscriptDocument document, ulong userId)
    {
        var erased = 0;
        var messages = document.Messages.Select(message =>
        {
            if (message.AuthorId != userId || IsErased(message))
            {
                return message;
            }

            erased++;
            return message with { Content = message.Content.Length == 0 ? "" : Marker, Attachments = [], Embeds = [], Stickers = [] };
        }).ToList();

        var users = document.Users;
        var nameErased = users.TryGetValue(userId, out var user) && user != Anonymous(user);
        if (nameErased)
        {
            users = users.ToDictionary(u => u.Key, u => u.Key == userId ? Anonymous(u.Value) : u.Value);
        }

        var ticket = document.Ticket;
        var answersErased = ticket.OpenerId == userId && ticket.Answers.Any(a => a.Answer != Marker);
        if (answersErased)
        {
            ticket = ticket with { Answers = [.. ticket.Answers.Select(a => a with { Answer = Marker })] };
        }

        var reasonErased = ticket.ClosedBy == userId && ticket.CloseReason is not (null or Marker);
        if (reasonErased)
        {
            ticket = ticket with { CloseReason = Marker };
        }

        return new UserErasure(document with { Messages = messages, Users = users, Ticket = ticket },
            erased > 0 || nameErased || answersErased || reasonErased, erased);
    }

    /// <summary>Every stored file the document shows.</summary>
    public static IEnumerable<string> FilesOf(TranscriptDocument document) =>
        document.Users.Values.Select(u => u.AvatarFile)
            .Concat(document.Emojis.Values.Select(e => e.File))
            .OfType<string>()
            .Concat(document.Messages.SelectMany(FilesOf));

    private static IEnumerable<string> FilesOf(TranscriptMessage message) =>
        message.Attachments.Select(a => a.File)
            .Concat(message.Embeds.SelectMany(e => new[] { e.AuthorIconFile, e.FooterIconFile, e.ImageFile, e.ThumbnailFile }))
            .Concat(message.Stickers.Select(s => s.File))
            .Concat(message.Reactions.Select(r => r.File))
            .OfType<string>();

    /// <summary>The user as the page shows them once erased: an id and whether it was a bot, no name, no face, no colour.</summary>
    private static TranscriptUser Anonymous(TranscriptUser user) => user with { Username = Marker, GlobalName = null, Nick = null, AvatarFile = null, Color = null };

    private static bool IsErased(TranscriptMessage message) =>
        message.Content is "" or Marker && message.Attachments.Count == 0 && message.Embeds.Count == 0 && message.Stickers.Count == 0;
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
