using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.State;

namespace TicketSaas.Discord.Emulator.Tests;

/// <summary>A started emulator with one guild: owner, a member, a staff role, a text channel; and a bot client.</summary>
public sealed class Seeded : IAsyncDisposable
{
    private Seeded(DiscordEmulator emulator)
    {
        Emulator = emulator;
        var state = emulator.State;
        Owner = state.AddUser("owner");
        Member = state.AddUser("member");
        Guild = state.AddGuild("Support", Owner.Id, emulator.Bot);
        StaffRole = state.AddRole(Guild.Id, "Staff", Permissions.ManageGuild);
        state.AddMember(Guild.Id, Member.Id);
        Channel = state.AddTextChannel(Guild.Id, "tickets");
        Client = new HttpClient { BaseAddress = emulator.ApiBaseUri };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", emulator.Bot.Token);
    }

    public DiscordEmulator Emulator { get; }
    public DiscordUser Owner { get; }
    public DiscordUser Member { get; }
    public DiscordGuild Guild { get; }
    public DiscordRole StaffRole { get; }
    public DiscordChannel Channel { get; }

    /// <summary>A naive client: it sends what it is told and ignores rate-limit headers.</summary>
    public HttpClient Client { get; }

    public static async Task<Seeded> StartAsync(Action<DiscordEmulatorOptions>? configure = null)
    {
        var options = new DiscordEmulatorOptions();
        configure?.Invoke(options);
        return new Seeded(await DiscordEmulator.StartAsync(options));
    }

    public Task<HttpResponseMessage> PostMessageAsync(ulong channelId, JsonObject body) =>
        Client.PostAsJsonAsync($"channels/{channelId}/messages", body);

    /// <summary>A client for another bot (the caller disposes it).</summary>
    public HttpClient ClientFor(BotApplication bot)
    {
        var client = new HttpClient { BaseAddress = Emulator.ApiBaseUri };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", bot.Token);
        return client;
    }

    /// <summary>Gives the bot a role with these permissions, as a server admin would.</summary>
    public void GrantBot(ulong permissions)
    {
        var role = Emulator.State.AddRole(Guild.Id, "Bot", permissions);
        Emulator.State.SetMemberRoles(Guild.Id, Emulator.Bot.ApplicationId, role.Id);
    }

    /// <summary>Creates a thread as the bot and returns its id.</summary>
    public async Task<ulong> CreateThreadAsync(ChannelType type, HttpClient? client = null)
    {
        var response = await (client ?? Client).PostAsJsonAsync($"channels/{Channel.Id}/threads", new JsonObject { ["name"] = "ticket", ["type"] = (int)type });
        response.EnsureSuccessStatusCode();
        return IdOf(await JsonOf(response));
    }

    public static async Task<JsonNode> JsonOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public static ulong IdOf(JsonNode json) => ulong.Parse(json["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The JSON error code of a refusal.</summary>
    public static async Task<int> CodeOf(HttpResponseMessage response) => (await JsonOf(response))["code"]!.GetValue<int>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
