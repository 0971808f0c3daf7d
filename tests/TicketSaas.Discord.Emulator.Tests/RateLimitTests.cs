using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.RateLimiting;
using TicketSaas.Testing;
using Xunit;

namespace TicketSaas.Discord.Emulator.Tests;

public class RateLimitTests
{
    private const string CreateMessage = "POST /channels/{channel_id}/messages";

    [SkippableFact]
    public async Task A_naive_burst_into_one_channel_meets_429s_shaped_like_discords()
    {
        await using var seeded = await Seeded.StartAsync(o => o.RateLimits.Route(CreateMessage, 3, TimeSpan.FromSeconds(30)));

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = $"m{i}" })));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(2, limited.Count);
        var vector = JsonNode.Parse(SharedData.ReadText("discord/vectors/rest/ratelimit-429-user.json"))!;
        foreach (var header in vector["headers"]!.AsObject().Select(h => h.Key))
        {
            Assert.True(limited[0].Headers.TryGetValues(header, out _) || limited[0].Content.Headers.TryGetValues(header, out _), $"429 lacks {header}");
        }

        var body = await Seeded.JsonOf(limited[0]);
        Assert.Equal(vector["body"]!.AsObject().Select(p => p.Key).Order(), body.AsObject().Select(p => p.Key).Order());
        Assert.False(body["global"]!.GetValue<bool>());
        Assert.InRange(body["retry_after"]!.GetValue<double>(), 25, 30);
        Assert.Equal("user", limited[0].Headers.GetValues("X-RateLimit-Scope").Single());
        Assert.Equal(2, seeded.Emulator.TooManyRequestsCount(seeded.Emulator.Bot.Token));
        Assert.Equal(3, seeded.Emulator.State.Messages(seeded.Channel.Id).Count);
    }

    [SkippableFact]
    public async Task Each_channel_has_its_own_bucket_under_one_hash()
    {
        await using var seeded = await Seeded.StartAsync(o => o.RateLimits.Route(CreateMessage, 1, TimeSpan.FromSeconds(30)));
        var other = seeded.Emulator.State.AddTextChannel(seeded.Guild.Id, "other");

        var first = await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = "a" });
        var second = await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = "b" });
        var elsewhere = await seeded.PostMessageAsync(other.Id, new JsonObject { ["content"] = "c" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        Assert.Equal(first.Headers.GetValues("X-RateLimit-Bucket").Single(), elsewhere.Headers.GetValues("X-RateLimit-Bucket").Single());
        Assert.Equal("0", elsewhere.Headers.GetValues("X-RateLimit-Remaining").Single());
    }

    [SkippableFact]
    public async Task Routes_that_share_a_bucket_count_together()
    {
        await using var seeded = await Seeded.StartAsync(o => o.RateLimits.Share("members", new BucketRule(2, TimeSpan.FromSeconds(30)),
            "PUT /channels/{channel_id}/thread-members/{user_id}", "DELETE /channels/{channel_id}/thread-members/{user_id}"));
        var thread = await Seeded.JsonOf(await seeded.Client.PostAsync($"channels/{seeded.Channel.Id}/threads", JsonContent("""{"name":"t","type":12}""")));
        var threadId = thread["id"]!.GetValue<string>();

        var add = await seeded.Client.PutAsync($"channels/{threadId}/thread-members/{seeded.Member.Id}", null);
        var remove = await seeded.Client.DeleteAsync($"channels/{threadId}/thread-members/{seeded.Member.Id}");
        var addAgain = await seeded.Client.PutAsync($"channels/{threadId}/thread-members/{seeded.Member.Id}", null);

        Assert.Equal(HttpStatusCode.NoContent, add.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, addAgain.StatusCode);
        Assert.Equal(add.Headers.GetValues("X-RateLimit-Bucket").Single(), remove.Headers.GetValues("X-RateLimit-Bucket").Single());
    }

    [SkippableFact]
    public async Task The_global_limit_stops_a_burst_spread_over_many_channels()
    {
        await using var seeded = await Seeded.StartAsync(o => o.RateLimits.Global = new BucketRule(10, TimeSpan.FromSeconds(30)));
        var channels = Enumerable.Range(0, 15).Select(i => seeded.Emulator.State.AddTextChannel(seeded.Guild.Id, $"c{i}")).ToList();

        var responses = await Task.WhenAll(channels.Select(c => seeded.PostMessageAsync(c.Id, new JsonObject { ["content"] = "x" })));

        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(5, limited.Count);
        Assert.All(limited, r =>
        {
            Assert.Equal("true", r.Headers.GetValues("X-RateLimit-Global").Single());
            Assert.Equal("global", r.Headers.GetValues("X-RateLimit-Scope").Single());
        });
        Assert.True((await Seeded.JsonOf(limited[0]))["global"]!.GetValue<bool>());
        Assert.Equal(5, seeded.Emulator.TooManyRequestsCount(seeded.Emulator.Bot.Token, RateLimitScope.Global));
    }

    /// <summary>A client that waits out Reset-After needs (n / limit - 1) whole windows for n requests, and meets no 429.</summary>
    [SkippableFact]
    public async Task A_client_honouring_the_headers_needs_the_computed_minimum_time_and_meets_no_429()
    {
        var window = TimeSpan.FromMilliseconds(300);
        await using var seeded = await Seeded.StartAsync(o => o.RateLimits.Route(CreateMessage, 2, window));
        var stopwatch = Stopwatch.StartNew();

        for (var i = 0; i < 6; i++)
        {
            var response = await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = $"m{i}" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (response.Headers.GetValues("X-RateLimit-Remaining").Single() == "0")
            {
                // A timer can fire a millisecond early (and seconds read as a double can fall a tick short): real
                // clients wait a little past Reset-After, and so does this one.
                var resetAfter = TimeSpan.FromSeconds(double.Parse(response.Headers.GetValues("X-RateLimit-Reset-After").Single(), CultureInfo.InvariantCulture));
                await Task.Delay(resetAfter + TimeSpan.FromMilliseconds(5));
            }
        }

        Assert.True(stopwatch.Elapsed >= 2 * window, $"took {stopwatch.Elapsed}");
        Assert.Equal(0, seeded.Emulator.TooManyRequestsCount(seeded.Emulator.Bot.Token));
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
