using TicketSaas.BuildingBlocks.Domain;

namespace TicketSaas.Modules.Transcripts.Domain.Transcripts;

/// <summary>
/// One close of one ticket: its searchable facts here, its messages in the stored document. A reopened and re-closed
/// ticket has one transcript per close, all under the ticket's stable link.
/// </summary>
public sealed class Transcript : Entity
{
    /// <summary>Fits Discord's 2,000-character message limit with room to spare; longer texts are cut for search only.</summary>
    public const int MaxReasonLength = 500;

    private Transcript()
    {
    }

    public Guid Id { get; private set; }

    public ulong GuildId { get; private set; }

    public Guid TicketId { get; private set; }

    public int TicketNumber { get; private set; }

    /// <summary>1 for the ticket's first close, 2 for the next …</summary>
    public int CloseSequence { get; private set; }

    /// <summary>The ticket's stable link: 128 random bits, URL-safe; the same for every close of the ticket.</summary>
    public string PublicId { get; private set; } = "";

    public Guid CategoryId { get; private set; }

    public string CategoryName { get; private set; } = "";

    public ulong OpenerId { get; private set; }

    public ulong? ClaimedBy { get; private set; }

    public IReadOnlyList<ulong> StaffParticipantIds { get; private set; } = [];

    /// <summary>The category's staff roles at close: who besides the opener and admins may read it when public links are off.</summary>
    public IReadOnlyList<ulong> StaffRoleIds { get; private set; } = [];

    public ulong? ClosedBy { get; private set; }

    public string? CloseReason { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset ClosedAt { get; private set; }

    public int MessageCount { get; private set; }

    public int? Rating { get; private set; }

    /// <summary>The stored, compressed <see cref="Documents.TranscriptDocument"/>.</summary>
    public string DocumentFile { get; private set; } = "";

    /// <summary>The messages' plain text, for full-text search.</summary>
    public string SearchText { get; private set; } = "";

    public bool ContentMissing { get; private set; }

    /// <summary>Why the link could not be sent to the opener by DM (closed DMs), kept rather than lost.</summary>
    public string? DirectMessageFailure { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Transcript Create(Guid id, ulong guildId, Guid ticketId, int ticketNumber, int closeSequence, string publicId, Guid categoryId,
        string categoryName, ulong openerId, ulong? claimedBy, IReadOnlyList<ulong> staffParticipantIds, IReadOnlyList<ulong> staffRoleIds,
        ulong? closedBy, string? closeReason, DateTimeOffset openedAt, DateTimeOffset closedAt, int messageCount, string documentFile,
        string searchText, bool contentMissing, DateTimeOffset now) =>
        new()
        {
            Id = id,
            GuildId = guildId,
            TicketId = ticketId,
            TicketNumber = ticketNumber,
            CloseSequence = closeSequence,
            PublicId = publicId,
            CategoryId = categoryId,
            CategoryName = categoryName,
            OpenerId = openerId,
            ClaimedBy = claimedBy,
            StaffParticipantIds = [.. staffParticipantIds],
            StaffRoleIds = [.. staffRoleIds],
            ClosedBy = closedBy,
            CloseReason = closeReason is { Length: > MaxReasonLength } ? closeReason[..MaxReasonLength] : closeReason,
            OpenedAt = openedAt,
            ClosedAt = closedAt,
            MessageCount = messageCount,
            DocumentFile = documentFile,
            SearchText = searchText,
            ContentMissing = contentMissing,
            CreatedAt = now,
        };

    public void Rate(int stars) => Rating = stars;

    public void DirectMessageFailed(string failure) => DirectMessageFailure = failure.Length <= 300 ? failure : failure[..300];

    /// <summary>After an erasure rewrote the document: the search text and the close reason no longer hold the erased user's words.</summary>
    public void Rewritten(string documentFile, string searchText, string? closeReason)
    {
        DocumentFile = documentFile;
        SearchText = searchText;
        CloseReason = closeReason;
    }
}

/// <summary>A file we copied from Discord for a transcript (attachment, avatar, emoji, sticker) or its document.</summary>
public sealed class StoredFile
{
    private StoredFile()
    {
    }

    /// <summary>The storage key, e.g. "guilds/{guild}/transcripts/{transcript}/{sha256}".</summary>
    public string Key { get; private set; } = "";

    public Guid TranscriptId { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the bytes.</summary>
    public string Sha256 { get; private set; } = "";

    /// <summary>The user whose upload this is (attachments), so that an erasure can delete it; null for shared images.</summary>
    public ulong? OwnerId { get; private set; }

    public static StoredFile Create(string key, Guid transcriptId, string fileName, string contentType, long size, string sha256, ulong? ownerId) =>
        new() { Key = key, TranscriptId = transcriptId, FileName = fileName, ContentType = contentType, Size = size, Sha256 = sha256, OwnerId = ownerId };
}

/// <summary>A GDPR erasure of one user's messages: what was asked, by whom, and what it changed.</summary>
public sealed class Erasure
{
    private Erasure()
    {
    }

    public Guid Id { get; private set; }

    public ulong GuildId { get; private set; }

    public ulong UserId { get; private set; }

    public ulong? RequestedBy { get; private set; }

    public int TranscriptsRewritten { get; private set; }

    public int MessagesErased { get; private set; }

    public int FilesDeleted { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static Erasure Record(Guid id, ulong guildId, ulong userId, ulong? requestedBy, int transcripts, int messages, int files, DateTimeOffset at) =>
        new() { Id = id, GuildId = guildId, UserId = userId, RequestedBy = requestedBy, TranscriptsRewritten = transcripts, MessagesErased = messages, FilesDeleted = files, At = at };
}

/// <summary>A single-use, short-lived token the panel gets from the API to open a transcript whose public link is off.</summary>
public sealed class ViewToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private ViewToken()
    {
    }

    /// <summary>SHA-256 (hex) of the token; the token itself is only ever in the URL given to the caller.</summary>
    public string TokenHash { get; private set; } = "";

    public Guid TranscriptId { get; private set; }

    public ulong UserId { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public static ViewToken Issue(string tokenHash, Guid transcriptId, ulong userId, DateTimeOffset now) =>
        new() { TokenHash = tokenHash, TranscriptId = transcriptId, UserId = userId, ExpiresAt = now + Lifetime };

    public bool IsUsableAt(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    public void Use(DateTimeOffset now) => UsedAt = now;
}
