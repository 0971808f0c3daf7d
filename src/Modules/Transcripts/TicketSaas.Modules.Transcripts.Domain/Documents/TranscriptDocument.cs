namespace TicketSaas.Modules.Transcripts.Domain.Documents;

// A transcript as kept: the thread's messages as Discord returned them at close, with a snapshot of every user, role,
// channel and custom emoji they mention, and our own copy of every file (stored-file keys, never Discord's CDN links,
// which expire). Serialized as compressed JSON; Version says which shape a stored document has.

/// <param name="ContentMissing">
/// The application lacked MESSAGE_CONTENT when capturing: members' texts came back empty, and the page says so.
/// </param>
public sealed record TranscriptDocument(
    int Version,
    TranscriptTicket Ticket,
    IReadOnlyList<TranscriptMessage> Messages,
    IReadOnlyDictionary<ulong, TranscriptUser> Users,
    IReadOnlyDictionary<ulong, TranscriptRole> Roles,
    IReadOnlyDictionary<ulong, TranscriptChannel> Channels,
    IReadOnlyDictionary<ulong, TranscriptEmoji> Emojis,
    bool ContentMissing)
{
    public const int CurrentVersion = 1;
}

/// <summary>The ticket's facts, shown above the messages.</summary>
public sealed record TranscriptTicket(
    Guid TicketId,
    int Number,
    ulong GuildId,
    string GuildName,
    string CategoryName,
    ulong OpenerId,
    ulong? ClaimedBy,
    ulong? ClosedBy,
    string? CloseReason,
    DateTimeOffset OpenedAt,
    DateTimeOffset ClosedAt,
    int CloseSequence,
    IReadOnlyList<TranscriptAnswer> Answers,
    IReadOnlyList<ulong> ThreadIds);

public sealed record TranscriptAnswer(string Question, string Answer);

/// <param name="Type">Discord's message type (0 default, 19 reply, 7 member join, 18 thread created …).</param>
/// <param name="ReferencedMessageId">The message this one replies to.</param>
public sealed record TranscriptMessage(
    ulong Id,
    ulong ChannelId,
    int Type,
    ulong AuthorId,
    string Content,
    DateTimeOffset Timestamp,
    DateTimeOffset? EditedTimestamp,
    ulong? ReferencedMessageId,
    IReadOnlyList<TranscriptEmbed> Embeds,
    IReadOnlyList<TranscriptAttachment> Attachments,
    IReadOnlyList<TranscriptReaction> Reactions,
    IReadOnlyList<TranscriptSticker> Stickers,
    IReadOnlyList<ulong> MentionIds,
    IReadOnlyList<ulong> MentionRoleIds);

/// <param name="AvatarFile">Our stored copy of the avatar; null for the default avatar.</param>
/// <param name="Nick">The member's nickname in the guild.</param>
/// <param name="Color">The colour of the member's highest coloured role.</param>
public sealed record TranscriptUser(ulong Id, string Username, string? GlobalName, string? Nick, string? AvatarFile, bool Bot, int? Color);

public sealed record TranscriptRole(ulong Id, string Name, int Color);

public sealed record TranscriptChannel(ulong Id, string Name);

public sealed record TranscriptEmoji(ulong Id, string Name, bool Animated, string? File);

public sealed record TranscriptEmbed(
    string? Title,
    string? Description,
    string? Url,
    int? Color,
    string? AuthorName,
    string? AuthorUrl,
    string? AuthorIconFile,
    IReadOnlyList<TranscriptEmbedField> Fields,
    string? FooterText,
    string? FooterIconFile,
    string? ImageFile,
    string? ThumbnailFile,
    DateTimeOffset? Timestamp);

public sealed record TranscriptEmbedField(string Name, string Value, bool Inline);

/// <param name="File">Our stored copy; null when it could not be copied (then the page says so).</param>
public sealed record TranscriptAttachment(string FileName, string? ContentType, long Size, string? File, int? Width, int? Height, string? Description);

/// <param name="EmojiId">Null for a unicode emoji, whose text is <paramref name="Name"/>.</param>
public sealed record TranscriptReaction(string Name, ulong? EmojiId, bool Animated, string? File, int Count);

/// <param name="FormatType">1 PNG, 2 APNG, 3 Lottie, 4 GIF.</param>
public sealed record TranscriptSticker(ulong Id, string Name, int FormatType, string? File);
