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

    public static async Task<JsonNode> JsonOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
