using TicketSaas.Modules.Transcripts.Domain.Documents;

namespace TicketSaas.Modules.Transcripts.Ports;

/// <param name="ThreadIds">The ticket's threads, oldest first.</param>
/// <param name="People">Who the ticket names besides its authors (opener, claimer, closer): shown even if they never wrote.</param>
internal sealed record HistoryRequest(ulong GuildId, IReadOnlyList<ulong> ThreadIds, IReadOnlyList<ulong> People);

/// <summary>A ticket's messages, oldest first, with what they refer to; every file in it is a key of our own storage.</summary>
/// <param name="ContentMissing">Members' messages came back without their text: the application lacks MESSAGE_CONTENT.</param>
internal sealed record TicketHistory(
    string GuildName,
    IReadOnlyList<TranscriptMessage> Messages,
    IReadOnlyDictionary<ulong, TranscriptUser> Users,
    IReadOnlyDictionary<ulong, TranscriptRole> Roles,
    IReadOnlyDictionary<ulong, TranscriptChannel> Channels,
    IReadOnlyDictionary<ulong, TranscriptEmoji> Emojis,
    bool ContentMissing);

/// <summary>What a ticket's threads hold on Discord, read while its links still work.</summary>
internal interface ITicketHistory
{
    /// <summary>
    /// Reads every message of the threads and copies the files they show (attachments, avatars, emoji, embed images)
    /// through <paramref name="files"/>. A file Discord no longer serves is left out; a thread that is gone is skipped.
    /// </summary>
    Task<TicketHistory> ReadAsync(HistoryRequest request, IFileKeeper files, CancellationToken cancellationToken);
}

/// <param name="Size">The size Discord announced, if it did: a file over the limit is not fetched at all.</param>
/// <param name="OwnerId">The member who uploaded it (attachments); null for shared images.</param>
internal sealed record KeptFile(string FileName, string? ContentType, long? Size, ulong? OwnerId);

/// <summary>Keeps copies of files for one transcript.</summary>
internal interface IFileKeeper
{
    /// <param name="download">Writes the file's bytes into the stream it is given.</param>
    /// <returns>The storage key of the copy; null when the file is over the size limit.</returns>
    Task<string?> KeepAsync(KeptFile file, Func<Stream, CancellationToken, Task> download, CancellationToken cancellationToken);
}
