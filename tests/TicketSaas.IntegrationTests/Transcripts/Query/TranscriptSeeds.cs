using System.Buffers.Text;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Transcripts.Domain.Documents;
using TicketSaas.Modules.Transcripts.Domain.Transcripts;
using TicketSaas.Modules.Transcripts.Persistence;
using TicketSaas.Modules.Transcripts.Storage;

namespace TicketSaas.IntegrationTests.Transcripts.Query;

/// <summary>A file someone uploaded in a message.</summary>
internal sealed record SeedFile(string Name, string ContentType, byte[] Bytes, ulong? OwnerId)
{
    public static SeedFile Text(string name, string contentType, string text, ulong? ownerId) => new(name, contentType, Encoding.UTF8.GetBytes(text), ownerId);
}

internal sealed record SeedMessage(ulong Id, ulong AuthorId, string Content, params SeedFile[] Files);

/// <summary>A transcript as capture would leave it, written straight to the module's tables and storage.</summary>
internal sealed record TranscriptSeed(ulong GuildId)
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid TicketId { get; init; } = Guid.NewGuid();

    public int TicketNumber { get; init; } = 1;

    public int CloseSequence { get; init; } = 1;

    public string PublicId { get; init; } = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public Guid CategoryId { get; init; } = TranscriptSeeds.General;

    public string CategoryName { get; init; } = "General";

    public ulong OpenerId { get; init; } = TranscriptSeeds.Opener;

    public IReadOnlyList<ulong> StaffParticipantIds { get; init; } = [];

    public IReadOnlyList<ulong> StaffRoleIds { get; init; } = [];

    public string? CloseReason { get; init; }

    public ulong? ClosedBy { get; init; }

    /// <summary>Whole seconds: both databases keep them exactly, so expected orders computed here match theirs.</summary>
    public DateTimeOffset ClosedAt { get; init; } = TranscriptSeeds.Now;

    public int? Rating { get; init; }

    public IReadOnlyList<SeedMessage> Messages { get; init; } = [];

    /// <summary>The opener's answers to the category's form.</summary>
    public IReadOnlyList<TranscriptAnswer> Answers { get; init; } = [];

    /// <summary>Stored files no message uploaded: avatars, embed images, stickers; <see cref="Shape"/> puts them in the document.</summary>
    public IReadOnlyList<SeedFile> OtherFiles { get; init; } = [];

    /// <summary>Changes the document as made from the messages, e.g. to add names, embeds or stickers.</summary>
    public Func<TranscriptSeed, TranscriptDocument, TranscriptDocument> Shape { get; init; } = (_, document) => document;

    /// <summary>Off for rows only queried, never viewed: writing thousands of documents would only slow the test.</summary>
    public bool WithDocument { get; init; } = true;

    public string DocumentFile => $"guilds/{GuildId}/transcripts/{Id:N}/document.json.gz";

    public string KeyOf(SeedFile file) => $"guilds/{GuildId}/transcripts/{Id:N}/{Convert.ToHexStringLower(SHA256.HashData(file.Bytes))}";
}

internal static class TranscriptSeeds
{
    public const ulong Opener = 610_000_000_000_000_001;

    public static readonly Guid General = Guid.Parse("0b6f4c1e-0000-4000-8000-000000000001");

    public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    public static async Task<TranscriptSeed> SeedAsync(this ApiHost api, TranscriptSeed seed) => (await api.SeedAsync([seed]))[0];

    public static async Task<IReadOnlyList<TranscriptSeed>> SeedAsync(this ApiHost api, IReadOnlyList<TranscriptSeed> seeds)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TranscriptsDbContext>();
        var storage = scope.ServiceProvider.GetRequiredService<IFileStorage>();
        var documents = scope.ServiceProvider.GetRequiredService<TranscriptDocuments>();
        foreach (var seed in seeds)
        {
            if (seed.WithDocument)
            {
                await documents.SaveAsync(seed.DocumentFile, seed.Shape(seed, DocumentOf(seed)), CancellationToken.None);
            }

            var transcript = Transcript.Create(
                seed.Id, seed.GuildId, seed.TicketId, seed.TicketNumber, seed.CloseSequence, seed.PublicId, seed.CategoryId, seed.CategoryName,
                seed.OpenerId, null, seed.StaffParticipantIds, seed.StaffRoleIds, seed.ClosedBy, seed.CloseReason, seed.ClosedAt.AddHours(-1), seed.ClosedAt,
                seed.Messages.Count, seed.DocumentFile, string.Join('\n', seed.Messages.Select(m => m.Content)), false, seed.ClosedAt);
            if (seed.Rating is { } stars)
            {
                transcript.Rate(stars);
            }

            db.Transcripts.Add(transcript);
            if (seed.WithDocument)
            {
                // Recorded like any stored file, as capture may: the viewer must still never serve it raw.
                db.StoredFiles.Add(StoredFile.Create(seed.DocumentFile, seed.Id, "document.json.gz", "application/gzip", 0, new string('0', 64), null));
            }
            foreach (var file in seed.Messages.SelectMany(m => m.Files).Concat(seed.OtherFiles).DistinctBy(seed.KeyOf))
            {
                await storage.WriteAsync(seed.KeyOf(file), new MemoryStream(file.Bytes), CancellationToken.None);
                db.StoredFiles.Add(StoredFile.Create(
                    seed.KeyOf(file), seed.Id, file.Name, file.ContentType, file.Bytes.Length, Convert.ToHexStringLower(SHA256.HashData(file.Bytes)), file.OwnerId));
            }
        }

        await db.SaveChangesAsync();
        return seeds;
    }

    public static async Task<T> SendAsync<T>(this ApiHost api, IRequest<T> request)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>Every stored file under the folder, documents decompressed: what a canary must not be found in.</summary>
    public static IEnumerable<(string Path, string Text)> StoredTexts(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(path => (path, Read(path)));

    private static string Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes is not [0x1f, 0x8b, ..])
        {
            return Encoding.UTF8.GetString(bytes);
        }

        using var zip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(zip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static TranscriptDocument DocumentOf(TranscriptSeed seed)
    {
        var messages = seed.Messages.Select((m, i) => new TranscriptMessage(
            m.Id, 900_000_000_000_000_001, 0, m.AuthorId, m.Content, seed.ClosedAt.AddMinutes(-30 + i), null, null, [],
            [.. m.Files.Select(f => new TranscriptAttachment(f.Name, f.ContentType, f.Bytes.Length, seed.KeyOf(f), null, null, null))],
            [], [], [], [])).ToList();
        var users = seed.Messages.Select(m => m.AuthorId).Append(seed.OpenerId).Distinct()
            .ToDictionary(id => id, id => new TranscriptUser(id, $"user{id % 1000}", null, null, null, false, null));
        var ticket = new TranscriptTicket(
            seed.TicketId, seed.TicketNumber, seed.GuildId, "Test guild", seed.CategoryName, seed.OpenerId, null, seed.ClosedBy, seed.CloseReason,
            seed.ClosedAt.AddHours(-1), seed.ClosedAt, seed.CloseSequence, seed.Answers, [900_000_000_000_000_001]);
        return new TranscriptDocument(TranscriptDocument.CurrentVersion, ticket, messages, users,
            new Dictionary<ulong, TranscriptRole>(), new Dictionary<ulong, TranscriptChannel>(), new Dictionary<ulong, TranscriptEmoji>(), false);
    }
}
