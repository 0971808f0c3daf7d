using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator;
using TicketSaas.Discord.Emulator.Gateway;
using TicketSaas.Discord.Emulator.Interactions;
using TicketSaas.Discord.Emulator.State;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Tickets;

/// <summary>
/// The product against the Discord emulator: the API host in process and the bot host as a real child process (so it
/// can be killed), on one database, both pointed at the emulator, which sends interactions to the bot's endpoint.
/// </summary>
public sealed class TicketScene : IAsyncDisposable
{
    private TicketScene(DiscordEmulator emulator, TestDatabase database, string files, ApiHost api, DiscordDelivery delivery)
    {
        Emulator = emulator;
        Database = database;
        Files = files;
        Api = api;
        Delivery = delivery;
    }

    public DiscordEmulator Emulator { get; }

    public TestDatabase Database { get; }

    /// <summary>Where both hosts keep transcripts' copies of files: the scene's own folder, removed with it.</summary>
    public string Files { get; }

    public ApiHost Api { get; }

    public IBotHost Bot { get; private set; } = null!;

    /// <summary>Set when the bot host runs in process on a clock the test moves (timers); otherwise it is a child process.</summary>
    public TimeProvider? BotClock { get; private init; }

    public EmulatorState State => Emulator.State;

    /// <summary>How the bot host receives interactions: signed HTTP POSTs, or the gateway (which also brings messages and deletes).</summary>
    public DiscordDelivery Delivery { get; }

    /// <param name="botSettings">Extra settings for the bot host, e.g. a fail point.</param>
    /// <param name="apiSettings">Extra settings for the API host, e.g. no relay, so that only the bot host delivers events.</param>
    public static async Task<TicketScene> StartAsync(DatabaseKind kind, IReadOnlyDictionary<string, string>? botSettings = null,
        DiscordDelivery delivery = DiscordDelivery.Http, TimeProvider? botClock = null, IReadOnlyDictionary<string, string>? apiSettings = null)
    {
        var emulator = await DiscordEmulator.StartAsync(new DiscordEmulatorOptions());
        var database = await TestDatabase.CreateAsync(kind);
        var files = Directory.CreateTempSubdirectory("ticketsaas-files-").FullName;
        var settings = SharedSettings(emulator, files);
        foreach (var (key, value) in apiSettings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var api = ApiHost.StartOn(database, settings);
        await api.SettleAsync();
        var scene = new TicketScene(emulator, database, files, api, delivery) { BotClock = botClock };
        await scene.StartBotAsync(botSettings);
        return scene;
    }

    /// <summary>Starts (or, after a kill, restarts) the bot host and points the emulator's interactions at it.</summary>
    public async Task StartBotAsync(IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>(SharedSettings(Emulator, Files))
        {
            ["Discord:PublicKey"] = Emulator.PublicKeyHex,
            ["Discord:Interactions:Enabled"] = (Delivery == DiscordDelivery.Http).ToString(),
            ["Tickets:Opening:PollInterval"] = "00:00:00.200",
            ["Tickets:Chores:PollInterval"] = "00:00:00.200",

            // A killed bot's openings and chores wait for their lease to run out; tests restart within seconds.
            ["Tickets:Opening:Lease"] = "00:00:03",
            ["Tickets:Chores:Lease"] = "00:00:03",
        };
        if (Delivery == DiscordDelivery.Gateway)
        {
            settings["Discord:Gateway:Enabled"] = "true";

            // The emulator's bot is not granted MESSAGE_CONTENT, and tickets need no message content.
            settings["Discord:Gateway:Intents"] = "Guilds, GuildMembers, GuildMessages, DirectMessages";
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }

        var identified = Identifications();
        Bot = BotClock is { } clock ? await InProcessBotHost.StartAsync(Database, settings, clock) : await ChildHosts.BotAsync(Database, settings);
        Emulator.Interactions.Endpoint = new Uri(Bot.BaseAddress, "interactions");
        if (Delivery == DiscordDelivery.Gateway)
        {
            Emulator.Interactions.Transport = InteractionTransport.Gateway;
            await Eventually.WaitAsync(() => Identifications() > identified ? Bot : null, "the bot host's gateway session");
        }
    }

    /// <summary>Waits until the bot host registered its slash commands, which Discord needs before anyone can use them.</summary>
    public Task WaitForCommandsAsync() =>
        Eventually.WaitAsync(() => State.Commands(Emulator.Bot.ApplicationId) is { Count: > 0 } commands ? commands : null, "the slash commands' registration");

    private int Identifications() => Emulator.Gateway.Log.Count(e => e.Kind is GatewayLogKind.Identified or GatewayLogKind.Resumed);

    /// <summary>A guild with the bot, an owner, two members, a staff role with one holder, and three text channels.</summary>
    public async Task<SceneGuild> AddGuildAsync(string language = "en")
    {
        var owner = State.AddUser("owner");
        var guild = State.AddGuild("Support Server", owner.Id, Emulator.Bot);

        // The bot's own role, as the "Add bot" link sets it up: Manage Threads on top of @everyone's defaults.
        var botRole = State.AddRole(guild.Id, "TicketSaas", Permissions.ManageThreads);
        State.SetMemberRoles(guild.Id, Emulator.Bot.ApplicationId, botRole.Id);
        var staffRole = State.AddRole(guild.Id, "Support Team", mentionable: true);
        var staff = State.AddUser("helper");
        State.AddMember(guild.Id, staff.Id, staffRole.Id);
        var member = State.AddUser("alice");
        State.AddMember(guild.Id, member.Id);
        var other = State.AddUser("bob");
        State.AddMember(guild.Id, other.Id);
        var scene = new SceneGuild(this, guild, owner, member, other, staff, staffRole,
            State.AddTextChannel(guild.Id, "open-a-ticket"), State.AddTextChannel(guild.Id, "tickets"), State.AddTextChannel(guild.Id, "ticket-logs"),
            Api.ClientFor(TestCaller.AdminOf(guild.Id)));
        if (language != "en")
        {
            await scene.Admin.PutJsonAsync($"/api/v1/guilds/{guild.Id}/settings", new { language, devMode = false, developerUserIds = Array.Empty<string>() });
        }

        return scene;
    }

    public async ValueTask DisposeAsync()
    {
        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }

        await Api.DisposeAsync();
        await Emulator.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(Files, recursive: true);
    }

    /// <summary>What both hosts share: the bot on the emulator, the emulator's CDN (transcripts copy files from it), the folder for the copies.</summary>
    private static Dictionary<string, string> SharedSettings(DiscordEmulator emulator, string files) => new()
    {
        ["Discord:BotToken"] = emulator.Bot.Token,
        ["Discord:ApplicationId"] = emulator.Bot.ApplicationId.ToString(CultureInfo.InvariantCulture),
        ["Discord:Rest:BaseAddress"] = emulator.ApiBaseUri.ToString(),
        ["Discord:Rest:RetryBaseDelay"] = "00:00:00.050",
        ["Discord:Rest:CdnHosts:0"] = emulator.CdnBaseUri.Host,
        ["Transcripts:Capture:CdnBaseAddress"] = emulator.CdnBaseUri.ToString(),
        ["Transcripts:Storage:Path"] = files,
    };
}

public enum DiscordDelivery
{
    Http,
    Gateway,
}

/// <summary>One seeded guild of a <see cref="TicketScene"/>, with its admin's API client and the ways a member acts.</summary>
public sealed record SceneGuild(
    TicketScene Scene,
    DiscordGuild Guild,
    DiscordUser Owner,
    DiscordUser Member,
    DiscordUser OtherMember,
    DiscordUser Staff,
    DiscordRole StaffRole,
    DiscordChannel PanelChannel,
    DiscordChannel TicketsChannel,
    DiscordChannel LogChannel,
    HttpClient Admin)
{
    public ulong Id => Guild.Id;

    public string Api => $"/api/v1/guilds/{Id}";

    /// <summary>A category with its threads under <see cref="TicketsChannel"/>, worked by <see cref="StaffRole"/>.</summary>
    public async Task<Guid> AddCategoryAsync(string name, string namingScheme = "{category}-{number:0000}", object[]? questions = null,
        int openTicketLimit = 1, int cooldownSeconds = 0, ulong[]? bypassRoleIds = null)
    {
        var created = await Admin.PostJsonAsync($"{Api}/categories", new { name, namingScheme });
        var id = created["id"]!.GetValue<Guid>();
        await UpdateCategoryAsync(id, name, namingScheme, questions, openTicketLimit, cooldownSeconds, bypassRoleIds);
        return id;
    }

    public Task<JsonNode> UpdateCategoryAsync(Guid id, string name, string namingScheme, object[]? questions = null,
        int openTicketLimit = 1, int cooldownSeconds = 0, ulong[]? bypassRoleIds = null) =>
        Admin.PutJsonAsync($"{Api}/categories/{id}", new
        {
            name,
            namingScheme,
            staffRoleIds = new[] { Text(StaffRole.Id) },
            parentChannelId = Text(TicketsChannel.Id),
            logChannelId = Text(LogChannel.Id),
            openTicketLimit,
            cooldownSeconds,
            bypassRoleIds = (bypassRoleIds ?? []).Select(Text).ToArray(),
            formQuestions = questions ?? [],
            autoCloseAfterHours = 72,
            warningBeforeCloseHours = 12,
        });

    /// <summary>Creates and publishes a panel; returns its id and its live message.</summary>
    public async Task<(Guid PanelId, DiscordMessage Message)> PublishPanelAsync(string style, params Guid[] categoryIds)
    {
        var panel = await Admin.PostJsonAsync($"{Api}/panels", new
        {
            channelId = Text(PanelChannel.Id), title = "Need help?", description = "Pick what fits.", style, categoryIds,
        });
        var id = panel["id"]!.GetValue<Guid>();
        var published = await Admin.PostJsonAsync($"{Api}/panels/{id}/publish", new { });
        var messageId = ulong.Parse(published["messageId"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        return (id, Scene.State.Message(PanelChannel.Id, messageId)!);
    }

    public Task<InteractionDelivery> ClickAsync(DiscordMessage panel, string customId, DiscordUser? user = null) =>
        Scene.Emulator.Interactions.ClickButtonAsync(panel.ChannelId, panel.Id, (user ?? Member).Id, customId);

    public Task<InteractionDelivery> SubmitAsync(string formCustomId, IReadOnlyList<ModalField> fields, DiscordUser? user = null) =>
        Scene.Emulator.Interactions.SubmitModalAsync(PanelChannel.Id, (user ?? Member).Id, formCustomId, fields);

    /// <summary>The threads of the tickets channel.</summary>
    public IReadOnlyList<DiscordChannel> Threads => Scene.State.Threads(TicketsChannel.Id);

    public Task<long> TicketCountAsync() => Scene.Database.ScalarAsync($"SELECT COUNT(*) FROM tickets_ticket WHERE guild_id = {Id}");

    private static string Text(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
