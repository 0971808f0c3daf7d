using System.IO.Compression;
using System.Text.Json;
using TicketSaas.Modules.Transcripts.Domain.Documents;

namespace TicketSaas.Modules.Transcripts.Storage;

/// <summary>Stores and loads transcript documents: JSON, gzip-compressed (message text compresses about tenfold).</summary>
internal sealed class TranscriptDocuments(IFileStorage storage)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SaveAsync(string key, TranscriptDocument document, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await using (var zip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            await JsonSerializer.SerializeAsync(zip, document, Json, cancellationToken);
        }

        buffer.Position = 0;
        await storage.WriteAsync(key, buffer, cancellationToken);
    }

    /// <returns>Null when the document is gone (deleted by retention or never written).</returns>
    public async Task<TranscriptDocument?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        await using var stored = await storage.OpenReadAsync(key, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        await using var zip = new GZipStream(stored, CompressionMode.Decompress);
        var document = await JsonSerializer.DeserializeAsync<TranscriptDocument>(zip, Json, cancellationToken)
            ?? throw new InvalidDataException($"The transcript document '{key}' is empty.");
        return document.Version == TranscriptDocument.CurrentVersion
            ? document
            : throw new InvalidDataException($"The transcript document '{key}' has version {document.Version}; this release reads {TranscriptDocument.CurrentVersion}.");
    }
}
