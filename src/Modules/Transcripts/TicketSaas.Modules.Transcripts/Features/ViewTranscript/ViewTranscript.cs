using MediatR;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Transcripts.Domain.Documents;
using TicketSaas.Modules.Transcripts.Domain.Viewer;
using TicketSaas.Modules.Transcripts.Features.IssueViewToken;
using TicketSaas.Modules.Transcripts.Persistence;
using TicketSaas.Modules.Transcripts.Rendering;
using TicketSaas.Modules.Transcripts.Storage;

namespace TicketSaas.Modules.Transcripts.Features.ViewTranscript;

// The viewer at /t/{publicId} (mapped by the API host) decides from the link alone, never from the panel's login:
// with public links on, the link suffices; with them off, a view token from the panel opens one transcript once, and
// the token then stays good for a short while as a grant to that transcript's page and files. Whatever is refused,
// missing or deleted by retention looks the same: not found.

/// <summary>Opens one close of a ticket for the viewer; null when there is nothing the request may see.</summary>
/// <param name="Close">The close's sequence number; the latest when null.</param>
/// <param name="Token">A view token from the panel (single use).</param>
/// <param name="Grant">The token of an earlier view of the same transcript, kept by the browser for a short while.</param>
public sealed record ViewTranscriptCommand(string PublicId, int? Close, string? Token, string? Grant) : ICommand<TranscriptViewDto?>;

/// <summary>One stored file of a transcript for the viewer; null when there is nothing the request may see.</summary>
public sealed record GetTranscriptFileQuery(string PublicId, string Key, string? Grant) : IQuery<TranscriptFileDto?>;

/// <summary>A transcript page the request may see, ready to render.</summary>
public sealed class TranscriptViewDto
{
    private readonly TranscriptDocument _document;

    internal TranscriptViewDto(TranscriptDocument document, IReadOnlyList<TranscriptCloseDto> closes, bool isPrivate, TranscriptGrantDto? grant)
    {
        _document = document;
        Closes = closes;
        IsPrivate = isPrivate;
        Grant = grant;
    }

    /// <summary>Every close of the ticket, oldest first; the page links each (opened under the same rule as any link).</summary>
    public IReadOnlyList<TranscriptCloseDto> Closes { get; }

    /// <summary>Opened with a token or grant rather than a public link: no cache may keep it.</summary>
    public bool IsPrivate { get; }

    /// <summary>The token just used, for the browser to send back with the page's files and reloads; null otherwise.</summary>
    public TranscriptGrantDto? Grant { get; }

    /// <param name="fileUrl">Where the page finds a stored file by its key.</param>
    /// <param name="closeUrl">Where the viewer shows the ticket's close of that sequence number.</param>
    public Task RenderAsync(TextWriter output, Func<string, string> fileUrl, Func<int, string> closeUrl, CancellationToken cancellationToken) =>
        TranscriptRenderer.RenderAsync(_document, output, fileUrl, [.. Closes.Select(c => new CloseLink(c.Sequence, c.ClosedAt, closeUrl(c.Sequence)))],
            cancellationToken);
}

public sealed record TranscriptCloseDto(int Sequence, DateTimeOffset ClosedAt);

/// <param name="Token">The redeemed view token, which now opens this transcript's page and files until <paramref name="ExpiresAt"/>.</param>
public sealed record TranscriptGrantDto(string Token, DateTimeOffset ExpiresAt);

/// <param name="ContentType">As recorded at capture; the viewer still decides for itself what it lets a browser show inline.</param>
public sealed record TranscriptFileDto(string FileName, string ContentType, long Size, Stream Content, bool IsPrivate);

internal sealed class ViewTranscriptCommandHandler(TranscriptsDbContext db, TranscriptDocuments documents, TranscriptGrants grants)
    : IRequestHandler<ViewTranscriptCommand, TranscriptViewDto?>
{
    public async Task<TranscriptViewDto?> Handle(ViewTranscriptCommand command, CancellationToken cancellationToken)
    {
        var transcript = await db.Transcripts.AsNoTracking()
            .Where(t => t.PublicId == command.PublicId && (command.Close == null || t.CloseSequence == command.Close))
            .OrderByDescending(t => t.CloseSequence)
            .Select(t => new { t.Id, t.GuildId, t.DocumentFile })
            .FirstOrDefaultAsync(cancellationToken);
        if (transcript is null)
        {
            return null;
        }

        TranscriptGrantDto? grant = null;
        bool isPrivate;
        if (command.Token is { } token && await grants.RedeemAsync(token, transcript.Id, cancellationToken) is { } expiresAt)
        {
            (grant, isPrivate) = (new TranscriptGrantDto(token, expiresAt), true);
        }
        else if (command.Grant is { } held && await grants.HoldsAsync(held, transcript.Id, cancellationToken))
        {
            isPrivate = true;
        }
        else if (await grants.PublicLinksEnabledAsync(transcript.GuildId, cancellationToken))
        {
            isPrivate = false;
        }
        else
        {
            return null;
        }

        var document = await documents.LoadAsync(transcript.DocumentFile, cancellationToken);
        if (document is null)
        {
            return null;
        }

        var closes = await db.Transcripts.AsNoTracking()
            .Where(t => t.PublicId == command.PublicId)
            .OrderBy(t => t.CloseSequence)
            .Select(t => new TranscriptCloseDto(t.CloseSequence, t.ClosedAt))
            .ToListAsync(cancellationToken);
        return new TranscriptViewDto(document, closes, isPrivate, grant);
    }
}

internal sealed class GetTranscriptFileQueryHandler(TranscriptsDbContext db, IFileStorage storage, TranscriptGrants grants)
    : IRequestHandler<GetTranscriptFileQuery, TranscriptFileDto?>
{
    public async Task<TranscriptFileDto?> Handle(GetTranscriptFileQuery query, CancellationToken cancellationToken)
    {
        // The document is a stored file too, but it is only ever shown rendered.
        var file = await (
                from f in db.StoredFiles.AsNoTracking()
                join t in db.Transcripts on f.TranscriptId equals t.Id
                where f.Key == query.Key && t.PublicId == query.PublicId && f.Key != t.DocumentFile
                select new { f.FileName, f.ContentType, f.Size, t.Id, t.GuildId })
            .FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return null;
        }

        var isPrivate = query.Grant is { } held && await grants.HoldsAsync(held, file.Id, cancellationToken);
        if (!isPrivate && !await grants.PublicLinksEnabledAsync(file.GuildId, cancellationToken))
        {
            return null;
        }

        var content = await storage.OpenReadAsync(query.Key, cancellationToken);
        return content is null ? null : new TranscriptFileDto(file.FileName, file.ContentType, file.Size, content, isPrivate);
    }
}

/// <summary>Who may see a transcript without logging in: everyone when public links are on, else the holder of a token or grant.</summary>
internal sealed class TranscriptGrants(TranscriptsDbContext db, TimeProvider clock)
{
    /// <summary>Long enough to read a page and open its attachments; short enough that a copied cookie soon opens nothing.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Uses the token for the transcript if it is unused and unexpired. One conditional UPDATE rather than read,
    /// check and save: of two requests racing with the same token, exactly one changes the row.
    /// </summary>
    /// <returns>When the grant the token becomes ends; null when the token opens nothing.</returns>
    public async Task<DateTimeOffset?> RedeemAsync(string token, Guid transcriptId, CancellationToken cancellationToken)
    {
        var hash = ViewTokens.Hash(token);
        var now = clock.GetUtcNow();
        var used = await db.ViewTokens
            .Where(v => v.TokenHash == hash && v.TranscriptId == transcriptId && v.UsedAt == null && v.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.UsedAt, now), cancellationToken);
        return used == 1 ? now + Lifetime : null;
    }

    /// <summary>The token was redeemed for this transcript within the grant's lifetime.</summary>
    public Task<bool> HoldsAsync(string grant, Guid transcriptId, CancellationToken cancellationToken)
    {
        var hash = ViewTokens.Hash(grant);
        var since = clock.GetUtcNow() - Lifetime;
        return db.ViewTokens.AnyAsync(v => v.TokenHash == hash && v.TranscriptId == transcriptId && v.UsedAt != null && v.UsedAt > since, cancellationToken);
    }

    public async Task<bool> PublicLinksEnabledAsync(ulong guildId, CancellationToken cancellationToken) =>
        (await db.ViewerSettings.AsNoTracking().SingleOrDefaultAsync(s => s.GuildId == guildId, cancellationToken)
            ?? ViewerSettings.DefaultFor(guildId, clock.GetUtcNow())).PublicLinksEnabled;
}
