using System.Net;
using System.Text.Json;
using TicketSaas.Discord.Emulator.State;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.IntegrationTests.Transcripts.Rendering;
using static TicketSaas.IntegrationTests.Transcripts.Capture.CaptureScene;

namespace TicketSaas.IntegrationTests.Transcripts.Capture;

/// <summary>
/// What members complain about with every other bot: transcripts whose pictures break once Discord's signed links
/// expire. Captured, then every CDN link of the emulator expired, the page still shows every picture in Chromium,
/// loaded from the viewer alone, and our copies are the uploaded bytes.
/// </summary>
[Collection(TranscriptBrowserCollection.Name)]
public sealed class ExpiredLinksTests(SqliteCaptureScene fixture, TranscriptBrowser browser) : IClassFixture<SqliteCaptureScene>
{
    [Fact]
    public async Task After_every_CDN_link_expired_the_page_loads_every_picture_from_our_copies_and_nothing_from_Discord()
    {
        var scene = await fixture.SceneAsync();
        scene.MessageContent(true);
        var guild = await scene.AddGuildAsync();
        var face = DecodablePng();
        var opener = guild.AddMember("frank", avatarPng: face);
        var ticket = (await guild.OpenTicketsAsync(opener)).Single();
        var shinyImage = DecodablePng();
        var shiny = scene.State.AddCustomEmoji(shinyImage);
        var photo = new UploadedFile(0, "photo.png", "image/png", DecodablePng());
        var animation = new UploadedFile(1, "wave.gif", "image/gif", Gif());
        var still = scene.State.AddSticker("Thumbs up", StickerFormat.Png, DecodablePng());
        var animated = scene.State.AddSticker("Spinning", StickerFormat.Apng, DecodablePng());
        var party = scene.State.AddSticker("Party", StickerFormat.Gif, Gif());
        var dance = scene.State.AddSticker("Dance", StickerFormat.Lottie, """{"v":"5.7.4","fr":30,"layers":[]}"""u8.ToArray());
        scene.State.PostUserMessage(ticket.ThreadId, opener.Id, $"Look at this <:shiny:{Text(shiny)}>", photo, animation);
        scene.State.PostUserStickers(ticket.ThreadId, opener.Id, still, animated);
        scene.State.PostUserStickers(ticket.ThreadId, opener.Id, party, dance);
        await ticket.CloseAsync("Pictures kept.");
        var transcript = await ticket.SharedTranscriptAsync();
        var document = await scene.DocumentAsync(transcript);

        scene.Emulator.Faults.ExpireEveryCdnLink();
        try
        {
            using var discord = new HttpClient();
            Assert.Equal(HttpStatusCode.NotFound, (await discord.GetAsync(new Uri(scene.Emulator.CdnBaseUri, $"stickers/{Text(still.Id)}.png"))).StatusCode);

            // Our copies are the very bytes that were uploaded, whatever Discord serves now.
            var stickers = document.Messages.SelectMany(m => m.Stickers).ToDictionary(s => s.Id);
            var attachments = document.Messages.SelectMany(m => m.Attachments).ToDictionary(a => a.FileName, a => a.File!);
            var originals = new (string What, string Key, byte[] Bytes)[]
            {
                ("avatar", document.Users[opener.Id].AvatarFile!, face),
                ("emoji", document.Emojis[shiny].File!, shinyImage),
                ("photo", attachments["photo.png"], photo.Content),
                ("GIF attachment", attachments["wave.gif"], animation.Content),
                ("PNG sticker", stickers[still.Id].File!, scene.State.File(still.CdnPath)!.Content),
                ("APNG sticker", stickers[animated.Id].File!, scene.State.File(animated.CdnPath)!.Content),
                ("GIF sticker", stickers[party.Id].File!, scene.State.File(party.CdnPath)!.Content),
            };
            foreach (var (what, key, bytes) in originals)
            {
                var stored = await scene.StoredBytesAsync(key);
                Assert.True(stored.AsSpan().SequenceEqual(bytes), $"The stored {what} differs from the original.");
            }

            Assert.Equal(("Dance", 3, (string?)null), (stickers[dance.Id].Name, stickers[dance.Id].FormatType, stickers[dance.Id].File));

            using var viewer = scene.Api.ClientFor(TestCaller.Anonymous);
            await using var visit = await browser.VisitHostAsync(viewer, $"/t/{transcript.PublicId}");
            var images = (await visit.Page.EvaluateAsync<JsonElement>(
                    "() => [...document.images].map(i => ({ src: i.getAttribute('src'), width: i.naturalWidth }))"))
                .EnumerateArray()
                .Select(i => (Src: i.GetProperty("src").GetString()!, Width: i.GetProperty("width").GetInt32()))
                .ToList();

            var cdn = scene.Emulator.CdnBaseUri.GetLeftPart(UriPartial.Authority);
            Assert.DoesNotContain(visit.Requests, url => url.StartsWith(cdn, StringComparison.OrdinalIgnoreCase));
            Assert.All(visit.Requests, url => Assert.StartsWith(TranscriptBrowser.HostOrigin + "/", url, StringComparison.Ordinal));
            Assert.Empty(images.Where(i => i.Width == 0).Select(i => i.Src));
            var shown = images.Select(i => Uri.UnescapeDataString(i.Src)).ToHashSet();
            Assert.Empty(originals.Where(o => !shown.Contains($"/t/{transcript.PublicId}/files/{o.Key}")).Select(o => o.What));
            Assert.Contains("Sticker: Dance", await visit.Page.InnerTextAsync("main"), StringComparison.Ordinal);
        }
        finally
        {
            scene.Emulator.Faults.Reset();
        }
    }
}
