using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.Http;
using Xunit;

namespace TicketSaas.Discord.Emulator.Tests;

public class FaultTests
{
    private const string CreateMessage = "POST /channels/{channel_id}/messages";

    [SkippableFact]
    public async Task Injected_5xx_answers_then_the_route_recovers_and_nothing_was_posted()
    {
        await using var seeded = await Seeded.StartAsync();
        seeded.Emulator.Faults.FailNext(CreateMessage, times: 1, status: 500);
        seeded.Emulator.Faults.FailNext(CreateMessage, times: 1, status: 502);

        var first = await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = "a" });
        var second = await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = "a" });
        var third = await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = "a" });

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, second.StatusCode);
        Assert.Equal("text/html", second.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Single(seeded.Emulator.State.Messages(seeded.Channel.Id));
    }

    [SkippableFact]
    public async Task An_injected_429_is_shaped_like_discords_changes_nothing_and_is_logged_once()
    {
        await using var seeded = await Seeded.StartAsync();
        seeded.Emulator.Faults.RateLimitNext(CreateMessage, retryAfter: TimeSpan.FromSeconds(2.5));

        var limited = await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = "a" });
        var next = await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = "b" });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var body = await Seeded.JsonOf(limited);
        Assert.Equal("""{"message":"You are being rate limited.","retry_after":2.5,"global":false}""", body.ToJsonString());
        Assert.Equal("3", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal("user", limited.Headers.GetValues("X-RateLimit-Scope").Single());
        Assert.Equal("0", limited.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal("2.500", limited.Headers.GetValues("X-RateLimit-Reset-After").Single());
        Assert.Equal(next.Headers.GetValues("X-RateLimit-Bucket").Single(), limited.Headers.GetValues("X-RateLimit-Bucket").Single());

        // The emulator's own bucket was not charged: the next request still finds all five of the default.
        Assert.Equal("4", next.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(["b"], seeded.Emulator.State.Messages(seeded.Channel.Id).Select(m => m.Content));
        Assert.Single(seeded.Emulator.Requests.All, r => r.Route == CreateMessage && r.Status == 429);
        Assert.Equal(1, seeded.Emulator.TooManyRequestsCount(seeded.Emulator.Bot.Token));
    }

    [SkippableFact]
    public async Task Injected_429s_answer_as_many_requests_as_asked_on_their_route_only()
    {
        await using var seeded = await Seeded.StartAsync();
        seeded.Emulator.Faults.RateLimitNext(CreateMessage, times: 2);

        var other = await seeded.Client.GetAsync($"guilds/{seeded.Guild.Id}/roles");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = "a" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], statuses);
    }

    [SkippableFact]
    public async Task Injected_latency_delays_only_its_route()
    {
        await using var seeded = await Seeded.StartAsync();
        seeded.Emulator.Faults.SetLatency(CreateMessage, TimeSpan.FromMilliseconds(400));

        var slow = Stopwatch.StartNew();
        await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = "a" });
        slow.Stop();
        var fast = Stopwatch.StartNew();
        await seeded.Client.GetAsync($"guilds/{seeded.Guild.Id}/roles");
        fast.Stop();

        Assert.True(slow.Elapsed >= TimeSpan.FromMilliseconds(400), $"took {slow.Elapsed}");
        Assert.True(fast.Elapsed < TimeSpan.FromMilliseconds(400), $"took {fast.Elapsed}");
    }

    [SkippableFact]
    public async Task An_aborted_connection_gives_no_response_at_all()
    {
        await using var seeded = await Seeded.StartAsync();
        seeded.Emulator.Faults.AbortNext(FaultInjector.AnyRoute);

        await Assert.ThrowsAsync<HttpRequestException>(() => seeded.Client.GetAsync($"guilds/{seeded.Guild.Id}/roles"));
        var after = await seeded.Client.GetAsync($"guilds/{seeded.Guild.Id}/roles");

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.True(seeded.Emulator.Requests.All[0].Aborted);
    }

    [SkippableFact]
    public async Task A_held_answer_is_lost_to_a_client_that_gives_up_yet_the_message_is_posted()
    {
        await using var seeded = await Seeded.StartAsync();
        seeded.Emulator.Faults.HoldNextAnswer(CreateMessage, TimeSpan.FromSeconds(30));
        using var impatient = new CancellationTokenSource();
        var posting = seeded.Client.PostAsJsonAsync($"channels/{seeded.Channel.Id}/messages", new JsonObject { ["content"] = "a" }, impatient.Token);

        // The client gives up while the answer is held, not before the request arrived (a cold emulator on a busy
        // machine can take longer than any fixed patience to get there).
        var patience = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (seeded.Emulator.State.Messages(seeded.Channel.Id).Count == 0 && DateTime.UtcNow < patience)
        {
            await Task.Delay(20);
        }

        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => posting);
        var next = await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = "b" });

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(["a", "b"], seeded.Emulator.State.Messages(seeded.Channel.Id).Select(m => m.Content));
    }

    [SkippableFact]
    public async Task A_cdn_link_can_be_made_to_answer_403()
    {
        await using var seeded = await Seeded.StartAsync(o => o.HasMessageContentIntent = true);
        var message = seeded.Emulator.State.PostUserMessage(seeded.Channel.Id, seeded.Member.Id, "file", new State.UploadedFile(0, "a.png", "image/png", [1, 2, 3]));
        var read = await Seeded.JsonOf(await seeded.Client.GetAsync($"channels/{seeded.Channel.Id}/messages/{message.Id}"));
        var url = read["attachments"]![0]!["url"]!.GetValue<string>();
        using var cdn = new HttpClient();
        var before = await cdn.GetAsync(url);
        seeded.Emulator.Faults.ExpireCdnLink(message.Attachments[0].CdnPath, CdnExpiry.Forbidden);

        var after = await cdn.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }
}
