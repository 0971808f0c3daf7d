using System.Diagnostics.Metrics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using TicketSaas.BuildingBlocks.Discord.Builders;
using TicketSaas.BuildingBlocks.Discord.Rest;
using TicketSaas.Discord.Emulator;
using TicketSaas.Discord.Emulator.RateLimiting;

namespace TicketSaas.Benchmarks;

/// <summary>
/// What our REST client adds per request (rate-limit bookkeeping, serialization, headers) over a bare HttpClient
/// sending the same request to the same emulator on 127.0.0.1. Limits are set so high that nobody waits, and the
/// spec check is off: the difference between each pair is the client's overhead.
/// </summary>
[MemoryDiagnoser]
public class RestClientBenchmarks
{
    private static readonly BucketRule Unlimited = new(int.MaxValue, TimeSpan.FromSeconds(1));

    private DiscordEmulator emulator = null!;
    private HttpClient bare = null!;
    private HttpClient forClient = null!;
    private DiscordRestClient client = null!;
    private ulong guildId;
    private ulong channelId;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var options = new DiscordEmulatorOptions { SpecCheck = SpecCheckMode.Off };
        options.RateLimits.Global = Unlimited;
        options.RateLimits.DefaultRoute = Unlimited;
        emulator = await DiscordEmulator.StartAsync(options);
        var owner = emulator.State.AddUser("owner");
        guildId = emulator.State.AddGuild("Support", owner.Id, emulator.Bot).Id;
        channelId = emulator.State.AddTextChannel(guildId, "tickets").Id;

        bare = new HttpClient(new SocketsHttpHandler()) { BaseAddress = emulator.ApiBaseUri };
        bare.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", emulator.Bot.Token);
        forClient = new HttpClient(new SocketsHttpHandler());
        client = new DiscordRestClient(forClient,
            new DiscordRestOptions { BaseAddress = emulator.ApiBaseUri, BotToken = emulator.Bot.Token, GlobalRequestsPerSecond = 100_000 },
            TimeProvider.System, new DiscordMetrics(new Meter("benchmarks")));
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        bare.Dispose();
        forClient.Dispose();
        await emulator.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public async Task<string> BareGetRoles()
    {
        using var response = await bare.GetAsync($"guilds/{guildId}/roles");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    [Benchmark]
    public async Task<int> ClientGetRoles() => (await client.GetGuildRolesAsync(guildId)).Count;

    [Benchmark]
    public async Task<string> BarePostMessage()
    {
        using var response = await bare.PostAsJsonAsync($"channels/{channelId}/messages",
            new JsonObject { ["content"] = "Ticket #1 opened", ["nonce"] = Guid.NewGuid().ToString("N")[..25], ["enforce_nonce"] = true });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    [Benchmark]
    public async Task<ulong> ClientPostMessage() =>
        (await client.CreateMessageAsync(channelId, new DiscordMessageBuilder().WithContent("Ticket #1 opened"))).Id;
}
