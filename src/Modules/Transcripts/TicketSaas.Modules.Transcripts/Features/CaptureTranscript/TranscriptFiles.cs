using System.Security.Cryptography;
using TicketSaas.Modules.Transcripts.Domain.Transcripts;
using TicketSaas.Modules.Transcripts.Ports;
using TicketSaas.Modules.Transcripts.Storage;

namespace TicketSaas.Modules.Transcripts.Features.CaptureTranscript;

/// <summary>
/// The copies of one transcript's files, named by their SHA-256 under the transcript's folder: a capture run again
/// after a crash writes the same keys instead of second copies, and an avatar shown a hundred times is stored once.
/// A member's upload sits under its owner, so that erasing one member never deletes another's identical file.
/// </summary>
internal sealed class TranscriptFiles(IFileStorage storage, string folder, Guid transcriptId, long maxBytes) : IFileKeeper
{
    private const int MaxFileNameLength = 260;

    private readonly Dictionary<string, StoredFile> _kept = new(StringComparer.Ordinal);

    public IReadOnlyCollection<StoredFile> Kept => _kept.Values;

    public async Task<string?> KeepAsync(KeptFile file, Func<Stream, CancellationToken, Task> download, CancellationToken cancellationToken)
    {
        if (file.Size > maxBytes)
        {
            return null;
        }

        // On disk rather than in memory: a thread may hold many files of up to the limit.
        await using var copy = new FileStream(Path.Combine(Path.GetTempPath(), $"ticketsaas-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        await download(copy, cancellationToken);
        if (copy.Length > maxBytes)
        {
            return null;
        }

        copy.Position = 0;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(copy, cancellationToken));
        var key = file.OwnerId is { } owner ? $"{folder}/users/{owner}/{sha256}" : $"{folder}/{sha256}";
        if (_kept.ContainsKey(key))
        {
            return key;
        }

        copy.Position = 0;
        var header = new byte[12];
        await copy.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        copy.Position = 0;
        await storage.WriteAsync(key, copy, cancellationToken);
        var name = file.FileName.Length <= MaxFileNameLength ? file.FileName : file.FileName[..MaxFileNameLength];
        _kept[key] = StoredFile.Create(key, transcriptId, name, SafeContentType.Of(file.ContentType, header), copy.Length, sha256, file.OwnerId);
        return key;
    }

    /// <summary>Records a file this module wrote itself (the document), so that whatever deletes the transcript's files deletes it too.</summary>
    public async Task RecordAsync(string key, string fileName, string contentType, CancellationToken cancellationToken)
    {
        await using var stored = await storage.OpenReadAsync(key, cancellationToken)
            ?? throw new InvalidOperationException($"The file '{key}' was written but cannot be read back.");
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stored, cancellationToken));
        _kept[key] = StoredFile.Create(key, transcriptId, fileName, contentType, stored.Length, sha256, ownerId: null);
    }
}

/// <summary>
/// The type a copy is served with. Images are recognised by their bytes, whatever the uploader claimed; audio, video and
/// plain text keep the declared type; everything else (HTML, SVG, XML, scripts …) becomes a download, so that no
/// uploaded file can ever run as a page of the viewer's origin.
/// </summary>
internal static class SafeContentType
{
    public const string Download = "application/octet-stream";

    private static readonly HashSet<string> Playable = new(StringComparer.Ordinal)
    {
        "video/mp4", "video/webm", "video/quicktime", "audio/mpeg", "audio/ogg", "audio/wav", "audio/webm", "audio/mp4", "audio/flac", "text/plain",
    };

    public static string Of(string? declared, ReadOnlySpan<byte> header)
    {
        if (ImageTypeOf(header) is { } image)
        {
            return image;
        }

        var type = declared?.Split(';')[0].Trim().ToLowerInvariant();
        return type is not null && Playable.Contains(type) ? type : Download;
    }

    private static string? ImageTypeOf(ReadOnlySpan<byte> header) => header switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "image/gif",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        _ => null,
    };
}
