using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.Discord.Emulator.State;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.IntegrationTests.Tickets;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Transcripts.Features.CaptureTranscript;
using TicketSaas.Modules.Transcripts.IntegrationEventHandlers;
using static TicketSaas.IntegrationTests.Tickets.WorkingTickets;
using static TicketSaas.IntegrationTests.Transcripts.Capture.CaptureScene;

namespace TicketSaas.IntegrationTests.Transcripts.Capture;

/// <summary>
/// Transcripts captured at close, end to end on SQLite: the bot host reads the thread from the Discord emulator, copies
/// its files, stores the document, shares the link, and does none of it twice whatever is repeated or interrupted.
/// </summary>
public sealed class TranscriptCaptureTests(SqliteCaptureScene fixture) : IClassFixture<SqliteCaptureScene>
{
    private const string PostMessage = "POST /channels/{channel_id}/messages";

    [Fact]
    public async Task Closing_captures_the_thread_and_its_files_and_shares_the_link() =>
        await CaptureScenarios.ClosingCapturesTheThreadItsFilesAndSharesTheLinkAsync(await fixture.SceneAsync());

    [Fact]
    public async Task A_redelivered_close_captures_nothing_twice_and_posts_nothing_twice()
    {
        var scene = await fixture.SceneAsync();
        scene.MessageContent(true);
        var guild = await scene.AddGuildAsync();
        var ticket = await guild.OpenTicketAsync();
        scene.State.PostUserMessage(ticket.ThreadId, guild.Member.Id, "Photo attached.", new UploadedFile(0, "photo.png", "image/png", Png()));
        await ticket.CloseAsync("Done.");
        var transcript = await ticket.SharedTranscriptAsync();
        var files = await scene.StoredFilesAsync(transcript.Id);
        var closed = await CloseEventAsync(guild, ticket);

        // Delivered again after it was consumed, and again as if the first run died between its posts and its commit.
        await DeliverAsync(scene, closed);
        await scene.ForgetConsumedAsync(closed.Id);
        await DeliverAsync(scene, closed);

        var link = LinkOf(transcript);
        Assert.Equal([transcript.Id], (await ticket.TranscriptsAsync()).Select(t => t.Id));
        Assert.Single(guild.LogPosts(link));
        Assert.Single(scene.LinkDirectMessages(guild.Member, link));
        Assert.Equal(2, LogPostRequests(scene, guild));
        Assert.Single(await CaptureScenarios.CreatedEventsAsync(scene, transcript.Id));

        // Captured again as if the first capture died after writing its files, before committing its row.
        await scene.DeleteTranscriptRowAsync(transcript.Id);
        var again = await SendAsync(scene, new CaptureTranscriptCommand(closed));
        Assert.Equal(transcript.Id, again);

        // The same keys, the copied files byte for byte; the document is written anew (the thread may have moved on meanwhile).
        var recaptured = (await scene.StoredFilesAsync(transcript.Id)).ToDictionary(f => f.Key, f => f.Sha256);
        Assert.Equal(files.Select(f => f.Key).Order(), recaptured.Keys.Order());
        Assert.All(files.Where(f => f.Key != transcript.DocumentFile), f => Assert.Equal(f.Sha256, recaptured[f.Key]));
        Assert.Equal(files.Count, Directory.EnumerateFiles(Path.Combine(scene.Files, "guilds", Text(guild.Id)), "*", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public async Task A_bot_host_killed_after_sharing_the_link_shares_it_once_after_its_restart()
    {
        var scene = await fixture.SceneAsync();
        scene.MessageContent(true);
        var guild = await scene.AddGuildAsync();
        var ticket = await guild.OpenTicketAsync();
        scene.State.PostUserMessage(ticket.ThreadId, guild.Member.Id, "Will this survive?");
        await scene.StartBotAsync(new Dictionary<string, string>(BotSettings) { ["FailPoints:Kill"] = $"inside-consumer:{Consumer}" });

        try
        {
            await ticket.CommandAsync("close", Option("reason", "Crash test."));
            await ((ChildHost)scene.Bot).WaitForExitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(1, LogPostRequests(scene, guild));
        }
        finally
        {
            await scene.StartBotAsync(BotSettings);
        }

        var transcript = await ticket.SharedTranscriptAsync();
        var link = LinkOf(transcript);
        Assert.Single(await ticket.TranscriptsAsync());
        Assert.Single(guild.LogPosts(link));
        Assert.Single(scene.LinkDirectMessages(guild.Member, link));
        Assert.Equal(2, LogPostRequests(scene, guild));
        Assert.Contains("Will this survive?", transcript.SearchText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_capture_slower_than_the_relay_waits_still_ends_with_one_transcript_and_one_post()
    {
        var scene = await fixture.SceneAsync();
        scene.MessageContent(true);
        var guild = await scene.AddGuildAsync();
        var ticket = await guild.OpenTicketAsync();
        scene.State.PostUserMessage(ticket.ThreadId, guild.Member.Id, "A slow read.");
        await scene.StartBotAsync(new Dictionary<string, string>(BotSettings) { ["Outbox:ConsumerTimeout"] = "00:00:01", ["Outbox:RetryDelay"] = "00:00:00.200" });
        scene.Emulator.Faults.SetLatency("GET /channels/{channel_id}/messages", TimeSpan.FromSeconds(3));
        try
        {
            await ticket.CloseAsync("Slowly.");
            var transcript = await ticket.SharedTranscriptAsync();

            Assert.Single(await ticket.TranscriptsAsync());
            Assert.Single(guild.LogPosts(LinkOf(transcript)));
            Assert.Single(scene.LinkDirectMessages(guild.Member, LinkOf(transcript)));
            Assert.Contains("A slow read.", transcript.SearchText, StringComparison.Ordinal);
            var closed = await CloseEventAsync(guild, ticket);
            Assert.True(await scene.Database.ScalarAsync(
                $"SELECT attempts FROM tickets_outbox_delivery WHERE consumer = '{Consumer}' AND LOWER(message_id) = '{closed.Id}'") > 1,
                "The relay never gave up waiting: the capture was not slow enough to test anything.");
        }
        finally
        {
            scene.Emulator.Faults.Reset();
            await scene.StartBotAsync(BotSettings);
        }
    }

    [Fact]
    public async Task Copies_outlive_expired_links_and_a_link_expired_before_capture_leaves_the_file_out()
    {
        var scene = await fixture.SceneAsync();
        scene.MessageContent(true);
        var guild = await scene.AddGuildAsync();
        var (face, photo) = (Png(), Png());
        var (dave, erin) = (guild.AddMember("dave", avatarPng: face), guild.AddMember("erin"));
        var tickets = await guild.OpenTicketsAsync(dave, erin);
        var (first, late) = (tickets[0], tickets[1]);
        var posted = scene.State.PostUserMessage(first.ThreadId, dave.Id, "Before the links expire.", new UploadedFile(0, "photo.png", "image/png", photo));
        scene.State.PostUserMessage(late.ThreadId, erin.Id, "Captured too late.", new UploadedFile(0, "late.png", "image/png", Png()));
        await first.CloseAsync("Captured in time.");
        var captured = await first.SharedTranscriptAsync();
        var copied = await scene.DocumentAsync(captured);
        using var discord = new HttpClient();
        discord.DefaultRequestHeaders.Authorization = new("Bot", scene.Emulator.Bot.Token);

        scene.Emulator.Faults.ExpireEveryCdnLink();
        try
        {
            // A link Discord hands out for the attachment right now no longer works; the transcript's link to our copy does.
            var message = await discord.GetFromJsonAsync<JsonObject>(new Uri(scene.Emulator.ApiBaseUri, $"channels/{Text(first.ThreadId)}/messages/{Text(posted.Id)}"));
            var expired = await discord.GetAsync(message!["attachments"]![0]!["url"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
            using var viewer = scene.Api.ClientFor(TestCaller.Anonymous);
            var copy = copied.Messages.SelectMany(m => m.Attachments).Single().File!;
            Assert.Equal(photo, await viewer.GetByteArrayAsync($"/t/{captured.PublicId}/files/{copy}"));
            Assert.Equal(face, await scene.StoredBytesAsync(copied.Users[dave.Id].AvatarFile!));

            await late.CloseAsync("Captured after the links expired.");
            var lost = await scene.DocumentAsync(await late.SharedTranscriptAsync());
            var uncopied = Assert.Single(lost.Messages, m => m.Content == "Captured too late.").Attachments.Single();
            Assert.Equal(("late.png", (string?)null), (uncopied.FileName, uncopied.File));
        }
        finally
        {
            scene.Emulator.Faults.Reset();
        }
    }

    [Fact]
    public async Task A_long_thread_is_read_page_by_page_and_a_moved_tickets_threads_in_order()
    {
        const int Messages = 230;
        var scene = await fixture.SceneAsync();
        scene.MessageContent(true);
        var guild = await scene.AddGuildAsync();
        var general = await guild.AddCategoryAsync("General");
        var billing = await guild.AddCategoryAsync("Billing", namingScheme: "billing-{number}");
        var (_, panel) = await guild.PublishPanelAsync("buttons", general);
        var ticket = await guild.OpenTicketAsync(general, panel);
        for (var i = 1; i <= Messages; i++)
        {
            scene.State.PostUserMessage(ticket.ThreadId, guild.Member.Id, $"Message {i}");
        }

        var choice = await scene.AnswerAsync(await ticket.CommandAsync("move"));
        var select = choice["data"]!["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>();
        await ticket.AnnouncementAsync(await scene.Emulator.Interactions.SelectAsync(ticket.ThreadId, ticket.Welcome.Id, guild.Staff.Id, select, [billing.ToString("N")]));
        var moved = await scene.UntilAsync(() => guild.Threads.SingleOrDefault(t => t.Name == $"billing-{ticket.Number}"), "the new thread");
        await scene.UntilAsync(() => ticket.Thread.Thread is { Locked: true } ? ticket.Thread : null, "the old thread locked");
        scene.State.PostUserMessage(moved.Id, guild.Member.Id, "After the move.");
        await (ticket with { ThreadId = moved.Id }).CloseAsync("Moved and done.");

        var transcript = await ticket.SharedTranscriptAsync();
        var document = await scene.DocumentAsync(transcript);
        Assert.Equal([ticket.ThreadId, moved.Id], document.Ticket.ThreadIds);
        var written = document.Messages.Where(m => m.AuthorId == guild.Member.Id).Select(m => m.Content).ToList();
        Assert.Equal([.. Enumerable.Range(1, Messages).Select(i => $"Message {i}"), "After the move."], written);
        var threads = document.Messages.Select(m => m.ChannelId).ToList();
        Assert.Equal([ticket.ThreadId, moved.Id], threads.Distinct());
        Assert.All(threads.SkipWhile(id => id == ticket.ThreadId), id => Assert.Equal(moved.Id, id));
        Assert.Equal((ticket.Thread.Name, moved.Name), (document.Channels[ticket.ThreadId].Name, document.Channels[moved.Id].Name));
        Assert.Equal(3, scene.Emulator.Requests.All.Count(r =>
            r.Route == "GET /channels/{channel_id}/messages" && r.Path.Contains(Text(ticket.ThreadId), StringComparison.Ordinal) && r.Query.Contains("limit=100", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Without_message_content_the_transcript_says_the_texts_are_missing()
    {
        var scene = await fixture.SceneAsync();
        scene.MessageContent(false);
        try
        {
            var guild = await scene.AddGuildAsync();
            var ticket = await guild.OpenTicketAsync();
            scene.State.PostUserMessage(ticket.ThreadId, guild.Member.Id, "A secret the bot cannot read.");
            await ticket.CloseAsync("No intent.");

            var transcript = await ticket.SharedTranscriptAsync();
            var document = await scene.DocumentAsync(transcript);
            Assert.True(transcript.ContentMissing);
            Assert.True(document.ContentMissing);
            Assert.Equal("", Assert.Single(document.Messages, m => m.AuthorId == guild.Member.Id).Content);
            Assert.DoesNotContain("secret", transcript.SearchText, StringComparison.Ordinal);
        }
        finally
        {
            scene.MessageContent(true);
        }
    }

    [Fact]
    public async Task An_opener_who_refuses_DMs_gets_no_link_the_refusal_is_kept_and_the_transcript_made()
    {
        var scene = await fixture.SceneAsync();
        scene.MessageContent(true);
        var guild = await scene.AddGuildAsync();
        var opener = guild.AddMember("private", acceptsDirectMessages: false);
        var ticket = (await guild.OpenTicketsAsync(opener)).Single();
        await ticket.CloseAsync("Done.");

        var transcript = await ticket.SharedTranscriptAsync();
        Assert.Contains("Cannot send messages to this user", transcript.DirectMessageFailure, StringComparison.Ordinal);
        Assert.Empty(scene.LinkDirectMessages(opener, LinkOf(transcript)));
        Assert.Single(guild.LogPosts(LinkOf(transcript)));
    }

    [Fact]
    public async Task A_reopened_and_closed_again_ticket_gets_a_second_transcript_under_the_same_link()
    {
        var scene = await fixture.SceneAsync();
        scene.MessageContent(true);
        var guild = await scene.AddGuildAsync();
        var ticket = await guild.OpenTicketAsync();
        scene.State.PostUserMessage(ticket.ThreadId, guild.Member.Id, "First problem.");
        var closed = await ticket.CloseAsync("First fix.");
        var first = await ticket.SharedTranscriptAsync();
        await ticket.AnnouncementAsync(await ticket.ClickAsync(closed, "Reopen"));
        scene.State.PostUserMessage(ticket.ThreadId, guild.Member.Id, "It broke again.");
        await ticket.CloseAsync("Second fix.");

        var second = await ticket.SharedTranscriptAsync(closeSequence: 2);
        Assert.Equal([1, 2], (await ticket.TranscriptsAsync()).Select(t => t.CloseSequence));
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal((first.PublicId, "Second fix."), (second.PublicId, second.CloseReason));
        Assert.Contains("It broke again.", second.SearchText, StringComparison.Ordinal);
        Assert.DoesNotContain("It broke again.", first.SearchText, StringComparison.Ordinal);
        Assert.Equal(2, (await scene.DocumentAsync(second)).Ticket.CloseSequence);
        Assert.Equal(2, guild.LogPosts(LinkOf(second)).Count);
        Assert.Equal(2, scene.LinkDirectMessages(guild.Member, LinkOf(second)).Count);
    }

    [Fact]
    public async Task The_openers_stars_are_set_on_the_transcript_of_the_close()
    {
        var scene = await fixture.SceneAsync();
        var guild = await scene.AddGuildAsync();
        var ticket = await guild.OpenTicketAsync();
        await ticket.CloseAsync("Rate us.");
        var transcript = await ticket.SharedTranscriptAsync();
        Assert.Null(transcript.Rating);

        var ask = await scene.UntilAsync(() => scene.DirectMessages(guild.Member).FirstOrDefault(m => m.Components.Count > 0), "the feedback DM");
        await scene.AnswerAsync(await scene.Emulator.Interactions.ClickButtonAsync(ask.ChannelId, ask.Id, guild.Member.Id, OpenTicket.ButtonId(ask, "★★★")));

        var rated = await scene.UntilAsync(async () => (await ticket.TranscriptsAsync()).SingleOrDefault(t => t.Rating is not null), "the rating on the transcript");
        Assert.Equal((transcript.Id, 3), (rated.Id, rated.Rating!.Value));
    }

    private static async Task<TicketClosedIntegrationEvent> CloseEventAsync(SceneGuild guild, OpenTicket ticket)
    {
        var close = Assert.Single(await guild.EventsAsync("tickets.ticket-closed.v1"), e => e["TicketId"]!.GetValue<Guid>() == ticket.Id);
        return close.Deserialize<TicketClosedIntegrationEvent>()!;
    }

    /// <summary>Hands the event to the consumer as the relay does.</summary>
    private static async Task DeliverAsync(TicketScene scene, TicketClosedIntegrationEvent closed)
    {
        await using var scope = scene.Api.Services.CreateAsyncScope();
        await new TranscriptCaptureHandler().Handle(closed, scope.ServiceProvider.GetRequiredService<IMediator>(), CancellationToken.None);
    }

    private static async Task<T> SendAsync<T>(TicketScene scene, IRequest<T> request)
    {
        await using var scope = scene.Api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>How often anyone asked Discord to post in the guild's log channel: repeats reach Discord, which answers them with the first post.</summary>
    private static int LogPostRequests(TicketScene scene, SceneGuild guild) =>
        scene.Emulator.Requests.All.Count(r => r.Route == PostMessage && r.Path.EndsWith($"/channels/{Text(guild.LogChannel.Id)}/messages", StringComparison.Ordinal));
}
