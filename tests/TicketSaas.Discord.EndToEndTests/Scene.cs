using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Discord.Rest;
using TicketSaas.Discord.Emulator;
using EmulatedChannel = TicketSaas.Discord.Emulator.State.DiscordChannel;
using EmulatedGuild = TicketSaas.Discord.Emulator.State.DiscordGuild;
using EmulatedUser = TicketSaas.Discord.Emulator.State.DiscordUser;

namespace TicketSaas.Discord.EndToEndTests;

/// <summary>
/// A started emulator with one guild (owner, a member, a text channel) and the adapter's REST client wired as a
/// host wires it (AddDiscordRest over configuration), pointed at the emulator.
/// </summary>
public sealed class Scene : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private Scene(DiscordEmulator emulator, ServiceProvider services)
    {
        Emulator = emulator;
        this.services = services;
        var state = emulator.State;
        Owner = state.AddUser("owner");
        Member = state.AddUser("member");
        Guild = state.AddGuild("Support", Owner.Id, emulator.Bot);

        // The bot's own role, as its invite sets it up: it archives and locks ticket threads.
        var botRole = state.AddRole(Guild.Id, "TicketSaas", TicketSaas.Discord.Emulator.State.Permissions.ManageThreads);
        state.SetMemberRoles(Guild.Id, emulator.Bot.ApplicationId, botRole.Id);
        state.AddMember(Guild.Id, Member.Id);
        Channel = state.AddTextChannel(Guild.Id, "tickets");
        Client = services.GetRequiredService<DiscordRestClient>();
    }

    public DiscordEmulator Emulator { get; }
    public DiscordRestClient Client { get; }
    public EmulatedUser Owner { get; }
    public EmulatedUser Member { get; }
    public EmulatedGuild Guild { get; }
    public EmulatedChannel Channel { get; }

    /// <param name="configureEmulator">Emulator options, e.g. rate limits.</param>
    /// <param name="rest">Settings under "Discord:Rest", e.g. ("RetryBaseDelay", "00:00:00.05").</param>
    /// <param name="requestTimeout">The HTTP client's timeout per attempt.</param>
    public static async Task<Scene> StartAsync(Action<DiscordEmulatorOptions>? configureEmulator = null,
        IReadOnlyDictionary<string, string>? rest = null, TimeSpan? requestTimeout = null)
    {
        var options = new DiscordEmulatorOptions();
        configureEmulator?.Invoke(options);
        var emulator = await DiscordEmulator.StartAsync(options);

        var settings = new Dictionary<string, string?>
        {
            ["Discord:BotToken"] = emulator.Bot.Token,
            ["Discord:Rest:BaseAddress"] = emulator.ApiBaseUri.ToString(),
            ["Discord:Rest:CdnHosts:0"] = emulator.CdnBaseUri.Host,
        };
        foreach (var (key, value) in rest ?? new Dictionary<string, string>())
        {
            settings[$"Discord:Rest:{key}"] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddDiscordRest(configuration.GetSection("Discord"));
        if (requestTimeout is { } timeout)
        {
            services.ConfigureHttpClientDefaults(http => http.ConfigureHttpClient(client => client.Timeout = timeout));
        }

        return new Scene(emulator, services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
