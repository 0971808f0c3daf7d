using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Discord.Emulator.State;
using TicketSaas.IntegrationTests.Tickets;
using TicketSaas.Modules.Transcripts.Domain.Documents;
using TicketSaas.Modules.Transcripts.Domain.Transcripts;
using TicketSaas.Modules.Transcripts.IntegrationEventHandlers;
using TicketSaas.Modules.Transcripts.Persistence;
using TicketSaas.Modules.Transcripts.Storage;
using TicketSaas.Testing;
using StoredFile = TicketSaas.Modules.Transcripts.Domain.Transcripts.StoredFile;
using static TicketSaas.IntegrationTests.Tickets.WorkingTickets;

namespace TicketSaas.IntegrationTests.Transcripts.Capture;

/// <summary>
/// A ticket scene in which only the bot host relays events, so capture runs where a test can kill it, and a killed
/// host's claims lapse within seconds.
/// </summary>
public abstract class CaptureSceneFixture(DatabaseKind kind) : TicketSceneFixture(kind, botSettings: CaptureScene.BotSettings, apiSettings: CaptureScene.ApiSettings);

public sealed class SqliteCaptureScene() : CaptureSceneFixture(DatabaseKind.Sqlite);

public sealed class MariaDbCaptureScene() : CaptureSceneFixture(DatabaseKind.MariaDb);

/// <summary>What the capture tests share: a ticket with files, closing it, and reading back what was captured.</summary>
public static class CaptureScene
{
    public const string LinkBase = "http://localhost:5000/t/";

    public static readonly IReadOnlyDictionary<string, string> ApiSettings = new Dictionary<string, string> { ["Outbox:RelayEnabled"] = "false" };

    public static readonly IReadOnlyDictionary<string, string> BotSettings = new Dictionary<string, string> { ["Outbox:LeaseDuration"] = "00:00:03" };

    /// <summary>The capture's consumer: its queue, inbox entries and deliveries carry this name.</summary>
    public static readonly string Consumer = ConsumerName.Of(typeof(TranscriptCaptureHandler));

    /// <summary>A PNG's signature and then random bytes: the capture must copy them exactly.</summary>
    public static byte[] Png() => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. RandomNumberGenerator.GetBytes(300)];

    /// <summary>A 2×2 PNG of a random colour that a browser decodes, unlike <see cref="Png"/>; each call's bytes differ.</summary>
    public static byte[] DecodablePng()
    {
        var pixel = RandomNumberGenerator.GetBytes(3);
        byte[] row = [0, .. pixel, .. pixel];
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write([.. row, .. row]);
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        PngChunk(png, "IHDR", [0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
        PngChunk(png, "IDAT", compressed.ToArray());
        PngChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A 1×1 GIF of a random colour; each call's bytes differ.</summary>
    public static byte[] Gif() =>
        [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, .. RandomNumberGenerator.GetBytes(3), 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3B];

    /// <summary>Whether the emulator shows the bot members' texts and files (the privileged MESSAGE_CONTENT intent).</summary>
    public static void MessageContent(this TicketScene scene, bool granted) => scene.State.SetMessageContentIntent(scene.Emulator.Bot.ApplicationId, granted);

    public static DiscordUser AddMember(this SceneGuild guild, string name, bool acceptsDirectMessages = true, byte[]? avatarPng = null)
    {
        var user = guild.Scene.State.AddUser(name, acceptsDirectMessages, avatarPng);
        guild.Scene.State.AddMember(guild.Id, user.Id);
        return user;
    }

    /// <summary>One category and panel, and a ticket in it for each opener, in order.</summary>
    public static async Task<IReadOnlyList<OpenTicket>> OpenTicketsAsync(this SceneGuild guild, params DiscordUser[] openers)
    {
        var categoryId = await guild.AddCategoryAsync("General");
        var (_, panel) = await guild.PublishPanelAsync("buttons", categoryId);
        var tickets = new List<OpenTicket>();
        foreach (var opener in openers)
        {
            tickets.Add(await guild.OpenTicketAsync(categoryId, panel, opener));
        }

        return tickets;
    }

    /// <summary>Staff close the ticket with <c>/ticket close</c>; returns the announcement (which carries Reopen).</summary>
    public static async Task<DiscordMessage> CloseAsync(this OpenTicket ticket, string reason) =>
        await ticket.AnnouncementAsync(await ticket.CommandAsync("close", Option("reason", reason)));

    /// <summary>Waits until the close's transcript is captured and its link shared (the consumer's inbox entry is in), and returns it.</summary>
    public static async Task<Transcript> SharedTranscriptAsync(this OpenTicket ticket, int closeSequence = 1)
    {
        var close = await ticket.Scene.UntilAsync(async () => (await ticket.Guild.EventsAsync("tickets.ticket-closed.v1")).FirstOrDefault(e =>
            e["TicketId"]!.GetValue<Guid>() == ticket.Id && e["CloseSequence"]!.GetValue<int>() == closeSequence), "the close event");
        var eventId = close["Id"]!.GetValue<Guid>();
        return await ticket.Scene.UntilAsync(() => ticket.Scene.WithDatabaseAsync(async db =>
                await db.InboxMessages.AnyAsync(i => i.MessageId == eventId && i.Consumer == Consumer)
                    ? await db.Transcripts.AsNoTracking().SingleAsync(t => t.TicketId == ticket.Id && t.CloseSequence == closeSequence)
                    : null),
            $"the transcript of close {closeSequence} captured and its link shared");
    }

    public static Task<List<Transcript>> TranscriptsAsync(this OpenTicket ticket) =>
        ticket.Scene.WithDatabaseAsync(db => db.Transcripts.AsNoTracking().Where(t => t.TicketId == ticket.Id).OrderBy(t => t.CloseSequence).ToListAsync());

    /// <summary>Removes the capture's inbox entry of an event, as if it never committed.</summary>
    public static Task ForgetConsumedAsync(this TicketScene scene, Guid eventId) =>
        scene.WithDatabaseAsync(db => db.InboxMessages.Where(i => i.MessageId == eventId && i.Consumer == Consumer).ExecuteDeleteAsync());

    /// <summary>Deletes a transcript's row, and with it (by cascade) its stored-file rows; the files stay in storage.</summary>
    public static Task DeleteTranscriptRowAsync(this TicketScene scene, Guid transcriptId) =>
        scene.WithDatabaseAsync(db => db.Transcripts.Where(t => t.Id == transcriptId).ExecuteDeleteAsync());

    public static Task<List<StoredFile>> StoredFilesAsync(this TicketScene scene, Guid transcriptId) =>
        scene.WithDatabaseAsync(db => db.StoredFiles.AsNoTracking().Where(f => f.TranscriptId == transcriptId).ToListAsync());

    public static async Task<TranscriptDocument> DocumentAsync(this TicketScene scene, Transcript transcript) =>
        await scene.Api.Services.GetRequiredService<TranscriptDocuments>().LoadAsync(transcript.DocumentFile, CancellationToken.None)
        ?? throw new InvalidOperationException($"No document at {transcript.DocumentFile}.");

    /// <summary>What our storage serves under the key, read by the API host (the bot host wrote it).</summary>
    public static async Task<byte[]> StoredBytesAsync(this TicketScene scene, string key)
    {
        await using var stored = await scene.Api.Services.GetRequiredService<IFileStorage>().OpenReadAsync(key, CancellationToken.None)
            ?? throw new InvalidOperationException($"Nothing stored under {key}.");
        using var bytes = new MemoryStream();
        await stored.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    public static string LinkOf(Transcript transcript) => LinkBase + transcript.PublicId;

    /// <summary>The log channel's messages that carry the link.</summary>
    public static IReadOnlyList<DiscordMessage> LogPosts(this SceneGuild guild, string link) =>
        [.. guild.Scene.State.Messages(guild.LogChannel.Id).Where(m => m.Content.Contains(link, StringComparison.Ordinal))];

    /// <summary>The DMs to the user that carry the link.</summary>
    public static IReadOnlyList<DiscordMessage> LinkDirectMessages(this TicketScene scene, DiscordUser user, string link) =>
        [.. scene.DirectMessages(user).Where(m => m.Content.Contains(link, StringComparison.Ordinal))];

    public static string Text(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<T> WithDatabaseAsync<T>(this TicketScene scene, Func<TranscriptsDbContext, Task<T>> use)
    {
        await using var scope = scene.Api.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TranscriptsDbContext>());
    }

    private static void PngChunk(Stream png, string type, byte[] data)
    {
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(BigEndian((uint)data.Length));
        png.Write(typed);
        png.Write(BigEndian(Crc32(typed)));
    }

    private static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
