using TicketSaas.Modules.Transcripts.Domain.Documents;

namespace TicketSaas.Modules.Transcripts.Rendering;

/// <summary>What every part of the page looks up while one document renders: its snapshots, its messages by id, and file addresses.</summary>
internal sealed class TranscriptContext
{
    private readonly Func<string, string> _fileUrl;

    // Avatars repeat on every group of a member: each key is mapped and checked once per page.
    private readonly Dictionary<string, string?> _fileUrls = new(StringComparer.Ordinal);

    private readonly Dictionary<ulong, TranscriptMessage> _messages;

    public TranscriptContext(TranscriptDocument document, Func<string, string> fileUrl)
    {
        Document = document;
        _fileUrl = fileUrl;
        _messages = new Dictionary<ulong, TranscriptMessage>(document.Messages.Count);
        foreach (var message in document.Messages)
        {
            _messages.TryAdd(message.Id, message);
        }
    }

    public TranscriptDocument Document { get; }

    /// <summary>"Now" for relative timestamps: a transcript is a record of the moment it was closed, read at any later time.</summary>
    public DateTimeOffset ClosedAt => Document.Ticket.ClosedAt;

    public TranscriptUser? User(ulong id) => Document.Users.GetValueOrDefault(id);

    public TranscriptMessage? Message(ulong id) => _messages.GetValueOrDefault(id);

    /// <summary>The name Discord shows in the guild: nickname, else display name, else username.</summary>
    public static string DisplayName(TranscriptUser user) =>
        !string.IsNullOrWhiteSpace(user.Nick) ? user.Nick
        : !string.IsNullOrWhiteSpace(user.GlobalName) ? user.GlobalName
        : user.Username;

    /// <returns>Null when there is no stored copy, or when the caller's address for it is not one a page may load.</returns>
    public string? FileUrl(string? key)
    {
        if (key is null)
        {
            return null;
        }

        if (!_fileUrls.TryGetValue(key, out var url))
        {
            url = SafeUrl.File(_fileUrl(key));
            _fileUrls.Add(key, url);
        }

        return url;
    }
}
