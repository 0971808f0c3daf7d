using Microsoft.Extensions.Time.Testing;
using TicketSaas.BuildingBlocks.Discord.Builders;
using TicketSaas.BuildingBlocks.Discord.Tests.Support;

namespace TicketSaas.BuildingBlocks.Discord.Tests;

/// <summary>The REST client against <see cref="FakeDiscord"/>: it never provokes a 429 and never waits much longer than needed.</summary>
public sealed class RateLimitTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private static DiscordMessageBuilder Hello() => new DiscordMessageBuilder().WithContent("hello");

    [Fact]
    public async Task A_learned_bucket_makes_requests_wait_for_its_reset_instead_of_being_sent()
    {
        var discord = new FakeDiscord(time) { BucketLimit = 2, BucketWindow = TimeSpan.FromSeconds(1) };
        var (client, counters) = discord.CreateClient();
        var start = time.GetUtcNow();

        await discord.Drive(Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.CreateMessageAsync(101, Hello()))));

        Assert.Equal(0, discord.Violations);
        var sent = discord.Requests.Select(r => r.At - start).ToList();
        Assert.Equal(5, sent.Count);
        Assert.True(sent[2] >= TimeSpan.FromSeconds(1) && sent[4] >= TimeSpan.FromSeconds(2), string.Join(", ", sent));
        Assert.True(sent[4] < TimeSpan.FromSeconds(2.2), $"waited too long: {sent[4]}");
        Assert.True(counters.GetValueOrDefault("discord.rest.rate_limit_waits") >= 2);
    }

    [Fact]
    public async Task Channels_are_separate_buckets_of_the_same_route()
    {
        var discord = new FakeDiscord(time) { BucketLimit = 1, BucketWindow = TimeSpan.FromSeconds(1) };
        var (client, _) = discord.CreateClient();
        var start = time.GetUtcNow();

        await discord.Drive(Task.WhenAll(new ulong[] { 101, 102, 103 }.SelectMany(channel =>
            Enumerable.Range(0, 2).Select(_ => client.CreateMessageAsync(channel, Hello())))));

        Assert.Equal(0, discord.Violations);
        Assert.True(discord.Requests.Max(r => r.At) - start < TimeSpan.FromSeconds(1.2), "three channels wait one window, not three");
    }

    [Fact]
    public async Task Routes_with_the_same_bucket_hash_share_its_state_once_learned()
    {
        var discord = new FakeDiscord(time) { BucketLimit = 2, BucketWindow = TimeSpan.FromSeconds(1), HashOf = _ => "shared-hash" };
        var (client, _) = discord.CreateClient();

        // One request per route teaches both routes the hash; the bucket is then exhausted for both.
        await discord.Drive(client.CreateMessageAsync(101, Hello()));
        await discord.Drive(client.GetMessagesAsync(101));
        await discord.Drive(Task.WhenAll(
            client.CreateMessageAsync(101, Hello()), client.GetMessagesAsync(101), client.CreateMessageAsync(101, Hello())));

        Assert.Equal(0, discord.Violations);
        Assert.Equal(5, discord.Requests.Count);
        Assert.True(discord.Requests[^1].At - discord.Requests[0].At >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task The_global_limit_holds_across_buckets()
    {
        var discord = new FakeDiscord(time) { BucketLimit = 100, GlobalLimit = 5 };
        var (client, _) = discord.CreateClient(options => options.GlobalRequestsPerSecond = 5);
        var start = time.GetUtcNow();

        await discord.Drive(Task.WhenAll(Enumerable.Range(0, 12).Select(i => client.CreateMessageAsync(200 + (ulong)i, Hello()))));

        Assert.Equal(0, discord.Violations);
        var sent = discord.Requests.Select(r => r.At).Order().ToList();
        for (var index = 5; index < sent.Count; index++)
        {
            Assert.True(sent[index] - sent[index - 5] >= TimeSpan.FromSeconds(1), $"6 requests within a second at {index}");
        }

        Assert.True(sent[^1] - start < TimeSpan.FromSeconds(2.2), $"waited too long: {sent[^1] - start}");
    }

    [Fact]
    public async Task A_429_is_retried_after_its_retry_after_and_counted_as_invalid()
    {
        var discord = new FakeDiscord(time);
        discord.Script.Enqueue(_ => FakeDiscord.RateLimited(0.5, "user"));
        var (client, counters) = discord.CreateClient();

        await discord.Drive(client.CreateMessageAsync(101, Hello()));

        Assert.Equal(2, discord.Requests.Count);
        Assert.True(discord.Requests[1].At - discord.Requests[0].At >= TimeSpan.FromSeconds(0.5));
        Assert.Equal(1, counters.GetValueOrDefault("discord.rest.invalid_requests"));
    }

    [Fact]
    public async Task A_shared_429_is_retried_but_not_counted_as_invalid()
    {
        var discord = new FakeDiscord(time);
        discord.Script.Enqueue(_ => FakeDiscord.RateLimited(0.2, "shared"));
        var (client, counters) = discord.CreateClient();

        await discord.Drive(client.CreateMessageAsync(101, Hello()));

        Assert.Equal(2, discord.Requests.Count);
        Assert.Equal(0, counters.GetValueOrDefault("discord.rest.invalid_requests"));
    }

    [Fact]
    public async Task A_global_429_holds_every_bot_request()
    {
        var discord = new FakeDiscord(time);
        discord.Script.Enqueue(_ => FakeDiscord.RateLimited(1.5, "global"));
        var (client, _) = discord.CreateClient();

        var first = client.CreateMessageAsync(101, Hello());
        await discord.Drive(Task.Delay(TimeSpan.FromMilliseconds(100), time));
        var other = client.GetGuildRolesAsync(300);
        await discord.Drive(Task.WhenAll(first, other));

        var limited = discord.Requests[0].At;
        Assert.All(discord.Requests.Skip(1), request => Assert.True(request.At - limited >= TimeSpan.FromSeconds(1.5), request.Path));
    }

    [Fact]
    public async Task Rate_limits_give_up_after_the_configured_429_retries()
    {
        var discord = new FakeDiscord(time);
        for (var i = 0; i < 3; i++)
        {
            discord.Script.Enqueue(_ => FakeDiscord.RateLimited(0.1, "user"));
        }

        var (client, _) = discord.CreateClient(options => options.MaxRateLimitRetries = 2);

        var error = await Assert.ThrowsAsync<Rest.DiscordRestException>(() => discord.Drive(client.CreateMessageAsync(101, Hello())));
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, error.Status);
        Assert.Equal(3, discord.Requests.Count);
    }
}
