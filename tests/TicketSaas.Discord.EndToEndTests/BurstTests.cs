using System.Diagnostics;
using System.Net.Http.Headers;
using TicketSaas.BuildingBlocks.Discord.Builders;
using TicketSaas.BuildingBlocks.Discord.Entities;
using TicketSaas.BuildingBlocks.Discord.Rest;
using TicketSaas.Discord.Emulator;
using TicketSaas.Discord.Emulator.Http;
using TicketSaas.Discord.Emulator.RateLimiting;
using Xunit.Abstractions;

namespace TicketSaas.Discord.EndToEndTests;

/// <summary>
/// 1,000 requests over 10 routes at once: the client must meet no 429, keep the global limit, and finish close to
/// the least time the configured buckets allow. A client that ignores the headers meets 429s on the same burst.
/// </summary>
[Collection(nameof(BurstTests))]
public class BurstTests(ITestOutputHelper output)
{
    private const int GlobalPerSecond = 165;
    private const int MessageChannels = 4;

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly Bucket Messages = new("messages", new(8, Second), "POST /channels/{channel_id}/messages");
    private static readonly Bucket History = new("history", new(20, Second), "GET /channels/{channel_id}/messages");
    private static readonly Bucket GuildReads = new("guild-reads", new(25, Second), "GET /guilds/{guild_id}/channels", "GET /guilds/{guild_id}/roles");
    private static readonly Bucket Member = new("member", new(40, 2 * Second), "GET /guilds/{guild_id}/members/{user_id}");
    private static readonly Bucket Members = new("members", new(20, Second), "GET /guilds/{guild_id}/members");
    private static readonly Bucket Gateway = new("gateway", new(30, Second), "GET /gateway/bot");
    private static readonly Bucket ThreadMembers = new("thread-members", new(20, Second),
        "PUT /channels/{channel_id}/thread-members/{user_id}", "DELETE /channels/{channel_id}/thread-members/{user_id}");
    private static readonly Bucket Rename = new("rename", new(10, Second), "PATCH /channels/{channel_id}");
    private static readonly Bucket DirectMessages = new("dm", new(20, Second), "POST /users/@me/channels");

    private static readonly Bucket[] Buckets = [Messages, History, GuildReads, Member, Members, Gateway, ThreadMembers, Rename, DirectMessages];

    /// <summary>
    /// Correctness (no 429, global limit, every answer 2xx) must hold on every attempt; the time bound on the better of
    /// two attempts, each on a fresh emulator, so one scheduling stall of a busy 2-core machine does not decide it.
    /// </summary>
    [Fact]
    public async Task A_burst_over_ten_routes_meets_no_429_keeps_the_global_limit_and_takes_near_the_least_time()
    {
        await WarmUpAsync();
        var best = TimeSpan.MaxValue;
        var minimum = TimeSpan.Zero;
        for (var attempt = 1; attempt <= 2 && best > minimum * 1.2; attempt++)
        {
            await using var scene = await StartBurstSceneAsync();
            var sends = await PrepareAsync(scene);
            minimum = LeastTime(sends);
            var elapsed = await RunBurstAsync(scene, sends);
            best = elapsed < best ? elapsed : best;
            output.WriteLine($"attempt {attempt}: {sends.Count} requests in {elapsed.TotalSeconds:0.000} s; least time {minimum.TotalSeconds:0.000} s");
        }

        Assert.True(best <= minimum * 1.2, $"best of two took {best}, more than 1.2 × the least time {minimum}");
    }

    [Fact]
    public async Task A_client_that_ignores_the_headers_meets_429s_on_the_same_burst()
    {
        await using var scene = await StartBurstSceneAsync();
        var sends = await PrepareAsync(scene);
        var token = scene.Emulator.Bot.Token;
        await RunBurstAsync(scene, sends);
        var log = scene.Emulator.Requests.All;

        await Task.Delay(Buckets.Max(b => b.Rule.Window));
        scene.Emulator.Requests.Clear();
        await ReplayAtOnceAsync(scene.Emulator, log);

        var limited = scene.Emulator.TooManyRequestsCount(token);
        output.WriteLine($"naive replay: {limited} answered 429 ({scene.Emulator.TooManyRequestsCount(token, RateLimitScope.Global)} global)");
        Assert.InRange(limited, 1, sends.Count);
    }

    private static Task<Scene> StartBurstSceneAsync() =>
        Scene.StartAsync(Configure, new Dictionary<string, string> { ["GlobalRequestsPerSecond"] = $"{GlobalPerSecond}" });

    /// <summary>Sends the whole burst through our client and checks what must hold however long it took.</summary>
    private static async Task<TimeSpan> RunBurstAsync(Scene scene, IReadOnlyList<Send> sends)
    {
        var token = scene.Emulator.Bot.Token;
        scene.Emulator.Requests.Clear();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(sends.Select(send => send.Call(scene.Client)));
        var elapsed = stopwatch.Elapsed;

        var log = scene.Emulator.Requests.All;
        Assert.Equal(1000, sends.Count);
        Assert.Equal(10, sends.Select(s => s.Route).Distinct().Count());
        Assert.Equal(sends.Count, log.Count);
        Assert.Equal(0, scene.Emulator.TooManyRequestsCount(token));
        Assert.All(log, request => Assert.InRange(request.Status, 200, 299));
        Assert.InRange(MostInOneSecond(log.Where(r => r.Caller == token)), 1, GlobalPerSecond);
        return elapsed;
    }

    /// <summary>Every route once at a throwaway emulator, so the measured run is about waiting, not start-up.</summary>
    private static async Task WarmUpAsync()
    {
        await using var scene = await Scene.StartAsync(Configure);
        var sends = await PrepareAsync(scene);
        await Task.WhenAll(sends.GroupBy(s => s.Route).Select(route => route.First().Call(scene.Client)));
    }

    private static void Configure(DiscordEmulatorOptions options)
    {
        // The spec check has its own tests; here its CPU cost would only blur the timing on a small CI machine.
        options.SpecCheck = SpecCheckMode.Off;
        options.RateLimits.Global = new BucketRule(GlobalPerSecond, TimeSpan.FromSeconds(1));
        foreach (var bucket in Buckets)
        {
            if (bucket.Routes.Length > 1)
            {
                options.RateLimits.Share(bucket.Name, bucket.Rule, bucket.Routes);
            }
            else
            {
                options.RateLimits.Route(bucket.Routes[0], bucket.Rule.Limit, bucket.Rule.Window);
            }
        }
    }

    /// <summary>The burst, in a fixed shuffled order so no route has the head start of coming first.</summary>
    private static async Task<IReadOnlyList<Send>> PrepareAsync(Scene scene)
    {
        var guild = scene.Guild.Id;
        var member = scene.Member.Id;
        var thread = await scene.Client.CreatePrivateThreadAsync(scene.Channel.Id, "ticket-1", ThreadAutoArchiveDuration.OneDay);
        var channels = Enumerable.Range(0, MessageChannels)
            .Select(i => scene.Emulator.State.AddTextChannel(guild, $"queue-{i}").Id).ToList();

        var sends = new List<Send>();
        void Add(Bucket bucket, int route, object major, int count, Func<DiscordRestClient, int, Task> call) =>
            sends.AddRange(Enumerable.Range(0, count).Select(i => new Send(bucket, bucket.Routes[route], $"{major}", client => call(client, i))));

        foreach (var channel in channels)
        {
            Add(Messages, 0, channel, 40, (client, i) => client.CreateMessageAsync(channel, new DiscordMessageBuilder().WithContent($"update {i}")));
        }

        Add(History, 0, channels[0], 100, (client, _) => client.GetMessagesAsync(channels[0], limit: 10));
        Add(GuildReads, 0, guild, 60, (client, _) => client.GetGuildChannelsAsync(guild));
        Add(GuildReads, 1, guild, 60, (client, _) => client.GetGuildRolesAsync(guild));
        Add(Member, 0, guild, 100, (client, _) => client.GetGuildMemberAsync(guild, member));
        Add(Members, 0, guild, 100, (client, _) => client.ListGuildMembersAsync(guild, limit: 100));
        Add(Gateway, 0, "", 140, (client, _) => client.GetGatewayBotAsync());
        Add(ThreadMembers, 0, thread.Id, 100, (client, _) => client.AddThreadMemberAsync(thread.Id, member));
        Add(Rename, 0, thread.Id, 60, (client, i) => client.RenameThreadAsync(thread.Id, $"ticket-1 ({i})"));
        Add(DirectMessages, 0, "", 120, (client, _) => client.CreateDmChannelAsync(member));

        var random = new Random(1000);
        return [.. sends.OrderBy(_ => random.Next())];
    }

    /// <summary>
    /// A window opens with its first request, so n requests into a bucket of l per window w need ceil(n / l)
    /// windows, the last opening (ceil(n / l) - 1) × w after the first request. The global limit is one more such
    /// bucket. The slowest bucket bounds the run from below.
    /// </summary>
    private static TimeSpan LeastTime(IReadOnlyList<Send> sends)
    {
        static TimeSpan Windows(int requests, BucketRule rule) => rule.Window * (Math.Ceiling((double)requests / rule.Limit) - 1);

        var slowestBucket = sends.GroupBy(s => (s.Bucket, s.Major)).Max(g => Windows(g.Count(), g.Key.Bucket.Rule));
        var global = Windows(sends.Count, new BucketRule(GlobalPerSecond, TimeSpan.FromSeconds(1)));
        return slowestBucket > global ? slowestBucket : global;
    }

    /// <summary>The most requests the emulator received within any one second.</summary>
    private static int MostInOneSecond(IEnumerable<RecordedRequest> requests)
    {
        var times = requests.Select(r => r.Time).Order().ToList();
        var most = 0;
        var first = 0;
        for (var last = 0; last < times.Count; last++)
        {
            while (times[last] - times[first] >= TimeSpan.FromSeconds(1))
            {
                first++;
            }

            most = Math.Max(most, last - first + 1);
        }

        return most;
    }

    private static async Task ReplayAtOnceAsync(DiscordEmulator emulator, IReadOnlyList<RecordedRequest> requests)
    {
        using var naive = new HttpClient { BaseAddress = emulator.BaseUri };
        await Task.WhenAll(requests.Select(async recorded =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(recorded.Method), recorded.Path.TrimStart('/') + recorded.Query);
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(recorded.Headers["Authorization"]);
            if (recorded.Body.Length > 0)
            {
                request.Content = new ByteArrayContent(recorded.Body);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(recorded.Headers["Content-Type"]);
            }

            using var response = await naive.SendAsync(request);
        }));
    }

    private sealed record Bucket(string Name, BucketRule Rule, params string[] Routes);

    private sealed record Send(Bucket Bucket, string Route, string Major, Func<DiscordRestClient, Task> Call);
}

/// <summary>The burst runs alone: other tests' CPU on a small machine would blur its timing.</summary>
[CollectionDefinition(nameof(BurstTests), DisableParallelization = true)]
public sealed class BurstCollection;
