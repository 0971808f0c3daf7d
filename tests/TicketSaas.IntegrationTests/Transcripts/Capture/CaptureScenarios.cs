using System.Security.Cryptography;
using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.State;
using TicketSaas.IntegrationTests.Tickets;
using static TicketSaas.IntegrationTests.Transcripts.Capture.CaptureScene;

namespace TicketSaas.IntegrationTests.Transcripts.Capture;

/// <summary>The end-to-end capture, run on each database: members write with files, staff close, everything is checked.</summary>
public static class CaptureScenarios
{
    public static async Task ClosingCapturesTheThreadItsFilesAndSharesTheLinkAsync(TicketScene scene)
    {
        scene.MessageContent(true);
        var guild = await scene.AddGuildAsync();
        var avatar = Png();
        var opener = guild.AddMember("carol", avatarPng: avatar);
        var ticket = (await guild.OpenTicketsAsync(opener)).Single();
        var photo = new UploadedFile(0, "broken.png", "image/png", Png());
        var notes = new UploadedFile(1, "notes.txt", "text/plain", "Order 1234, arrived broken."u8.ToArray());
        var page = new UploadedFile(0, "page.html", "text/html", "<script>alert(1)</script>"u8.ToArray());
        var receipt = new UploadedFile(0, "receipt.png", "image/png", Png());
        var partyImage = Png();
        var party = $"<:party:{Text(scene.State.AddCustomEmoji(partyImage))}>";
        scene.State.PostUserMessage(ticket.ThreadId, opener.Id, "My order arrived **broken**.", photo, notes);
        scene.State.PostUserMessage(ticket.ThreadId, guild.Staff.Id, $"Sorry! Details are in <#{Text(guild.LogChannel.Id)}>. {party}", receipt);
        scene.State.PostUserMessage(ticket.ThreadId, opener.Id, "Here is the shop's page.", page);
        scene.State.PostUserMessage(ticket.ThreadId, opener.Id, $"Thanks, that solved it. {party}");
        var (thanks, dance) = (scene.State.AddSticker("Thanks", StickerFormat.Png, Png()), scene.State.AddSticker("Dance", StickerFormat.Lottie, "{}"u8.ToArray()));
        scene.State.PostUserStickers(ticket.ThreadId, opener.Id, thanks, dance);

        await ticket.CloseAsync("Refund sent.");
        var transcript = await ticket.SharedTranscriptAsync();

        Assert.Equal((guild.Id, ticket.Number, 1, "General", opener.Id, (ulong?)guild.Staff.Id, "Refund sent.", false, (string?)null),
            (transcript.GuildId, transcript.TicketNumber, transcript.CloseSequence, transcript.CategoryName, transcript.OpenerId, transcript.ClosedBy,
                transcript.CloseReason, transcript.ContentMissing, transcript.DirectMessageFailure));
        Assert.Matches("^[0-9a-f]{32}$", transcript.PublicId);
        Assert.Equal([guild.StaffRole.Id], transcript.StaffRoleIds);

        var document = await scene.DocumentAsync(transcript);
        Assert.Equal((1, ticket.Number, "Support Server", "General", 1), (document.Version, document.Ticket.Number, document.Ticket.GuildName,
            document.Ticket.CategoryName, document.Ticket.CloseSequence));
        Assert.Equal([ticket.ThreadId], document.Ticket.ThreadIds);
        Assert.Equal(transcript.MessageCount, document.Messages.Count);
        Assert.Equal(ticket.Welcome.Id, document.Messages[0].Id);
        Assert.Equal(document.Messages.Select(m => m.Id).Order(), document.Messages.Select(m => m.Id));
        Assert.Equal(
            ["My order arrived **broken**.", $"Sorry! Details are in <#{Text(guild.LogChannel.Id)}>. {party}", "Here is the shop's page.", $"Thanks, that solved it. {party}"],
            document.Messages.Where(m => (m.AuthorId == opener.Id || m.AuthorId == guild.Staff.Id) && m.Stickers.Count == 0).Select(m => m.Content));
        Assert.Contains("My order arrived **broken**.", transcript.SearchText, StringComparison.Ordinal);
        Assert.Contains("Thanks, that solved it.", transcript.SearchText, StringComparison.Ordinal);
        Assert.Equal((ticket.Thread.Name, "ticket-logs"), (document.Channels[ticket.ThreadId].Name, document.Channels[guild.LogChannel.Id].Name));
        Assert.Equal(("carol", false, "TicketSaas", true), (document.Users[opener.Id].Username, document.Users[opener.Id].Bot,
            document.Users[scene.Emulator.Bot.ApplicationId].Username, document.Users[scene.Emulator.Bot.ApplicationId].Bot));

        // Every upload is ours now: same bytes, its uploader as owner, a type that cannot run as a page.
        var files = await scene.StoredFilesAsync(transcript.Id);
        var attachments = document.Messages.SelectMany(m => m.Attachments.Select(a => (Message: m, Attachment: a))).ToList();
        Assert.Equal(["broken.png", "notes.txt", "receipt.png", "page.html"], attachments.Select(a => a.Attachment.FileName));
        foreach (var (message, attachment) in attachments)
        {
            var uploaded = new[] { photo, notes, receipt, page }.Single(u => u.FileName == attachment.FileName);
            var stored = Assert.Single(files, f => f.Key == attachment.File);
            Assert.Equal(uploaded.Content, await scene.StoredBytesAsync(stored.Key));
            Assert.Equal((message.AuthorId, Convert.ToHexStringLower(SHA256.HashData(uploaded.Content)), (long)uploaded.Content.Length, uploaded.FileName),
                (stored.OwnerId!.Value, stored.Sha256, stored.Size, stored.FileName));
            Assert.StartsWith($"guilds/{guild.Id}/transcripts/", stored.Key, StringComparison.Ordinal);
        }

        Assert.Equal(["image/png", "text/plain", "image/png", "application/octet-stream"],
            attachments.Select(a => files.Single(f => f.Key == a.Attachment.File).ContentType));
        var avatarFile = Assert.Single(files, f => f.Key == document.Users[opener.Id].AvatarFile);
        Assert.Equal(avatar, await scene.StoredBytesAsync(avatarFile.Key));
        Assert.Null(avatarFile.OwnerId);
        var emoji = Assert.Single(document.Emojis.Values);
        Assert.Equal(("party", false), (emoji.Name, emoji.Animated));
        Assert.Equal(partyImage, await scene.StoredBytesAsync(emoji.File!));
        Assert.Single(files, f => f.Key == transcript.DocumentFile);
        var stickers = Assert.Single(document.Messages, m => m.Stickers.Count > 0).Stickers;
        Assert.Equal([("Thanks", 1), ("Dance", 3)], stickers.Select(s => (s.Name, s.FormatType)));
        Assert.Equal(scene.State.File(thanks.CdnPath)!.Content, await scene.StoredBytesAsync(stickers[0].File!));
        Assert.Null(stickers[1].File);

        // Each attachment, the opener's avatar, the emoji once although shown twice, the PNG sticker, and the document.
        Assert.Equal(attachments.Count + 4, files.Count);

        var link = LinkOf(transcript);
        var logged = Assert.Single(guild.LogPosts(link));
        Assert.Equal($"Transcript of ticket #{ticket.Number} (General), opened by <@{Text(opener.Id)}>: {link}", logged.Content);
        var dm = Assert.Single(scene.LinkDirectMessages(opener, link));
        Assert.Equal($"Here is the transcript of your ticket #{ticket.Number} (General): {link}", dm.Content);

        var created = Assert.Single(await CreatedEventsAsync(scene, transcript.Id));
        Assert.Equal((ticket.Id, ticket.Number, 1, transcript.PublicId, transcript.MessageCount, guild.Id),
            (created["TicketId"]!.GetValue<Guid>(), created["TicketNumber"]!.GetValue<int>(), created["CloseSequence"]!.GetValue<int>(),
                created["PublicId"]!.GetValue<string>(), created["MessageCount"]!.GetValue<int>(), created["GuildId"]!.GetValue<ulong>()));
    }

    /// <summary>The transcript's <c>transcripts.transcript-created.v1</c> events in the module's outbox.</summary>
    public static async Task<IReadOnlyList<JsonNode>> CreatedEventsAsync(TicketScene scene, Guid transcriptId)
    {
        var payloads = await scene.Database.ColumnAsync("SELECT payload FROM transcripts_outbox_message WHERE name = 'transcripts.transcript-created.v1'");
        return [.. payloads.Select(p => JsonNode.Parse(p)!).Where(p => p["TranscriptId"]!.GetValue<Guid>() == transcriptId)];
    }
}
