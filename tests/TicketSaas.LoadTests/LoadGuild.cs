using System.Globalization;
using TicketSaas.Discord.Emulator.State;

namespace TicketSaas.LoadTests;

/// <summary>
/// One guild of the benchmark: a "Support" category with a two-question form, threads under #tickets, worked by a
/// staff role; a published panel with its button; and the members who act on it.
/// </summary>
internal sealed record LoadGuild(
    DiscordGuild Guild,
    DiscordUser Staff,
    DiscordChannel TicketsChannel,
    DiscordMessage Panel,
    Guid PanelId,
    Guid CategoryId,
    IReadOnlyList<DiscordUser> Browsers,
    IReadOnlyList<DiscordUser> Blocked,
    IReadOnlyList<DiscordUser> Openers)
{
    /// <summary>Members who only click the panel: they hold no ticket, so each click shows the form again.</summary>
    public const int BrowserCount = 20;

    public const int BlockedCount = 3;

    /// <summary>Both answers are short enough for any limit the form sets.</summary>
    private static readonly object[] Questions =
    [
        new { label = "Order number", style = "short", required = true, maxLength = 20, options = Array.Empty<object>() },
        new { label = "What happened?", style = "paragraph", required = true, options = Array.Empty<object>() },
    ];

    /// <summary>The custom id of the panel's button, as the product rendered it.</summary>
    public string OpenButton => Panel.Components[0]!["components"]![0]!["custom_id"]!.GetValue<string>();

    /// <param name="openers">Members who each submit the form once: one open ticket per member is the category's limit.</param>
    public static async Task<LoadGuild> SeedAsync(EmulatorState state, BotApplication bot, AdminApi admin, int number, int openers)
    {
        var owner = state.AddUser($"owner-{number}");
        var guild = state.AddGuild($"Load {number}", owner.Id, bot);

        // The bot's own role, as the "Add bot" link sets it up: Manage Threads on top of @everyone's defaults.
        var botRole = state.AddRole(guild.Id, "TicketSaas", Permissions.ManageThreads);
        state.SetMemberRoles(guild.Id, bot.ApplicationId, botRole.Id);
        var staffRole = state.AddRole(guild.Id, "Support Team", mentionable: true);
        var staff = state.AddUser($"staff-{number}");
        state.AddMember(guild.Id, staff.Id, staffRole.Id);
        var panelChannel = state.AddTextChannel(guild.Id, "open-a-ticket");
        var ticketsChannel = state.AddTextChannel(guild.Id, "tickets");
        var logChannel = state.AddTextChannel(guild.Id, "ticket-logs");

        var category = (await admin.PostAsync(guild.Id, "/categories", new { name = "Support", namingScheme = "support-{number:0000}" }))["id"]!.GetValue<Guid>();
        await admin.PutAsync(guild.Id, $"/categories/{category}", new
        {
            name = "Support",
            namingScheme = "support-{number:0000}",
            staffRoleIds = new[] { Text(staffRole.Id) },
            parentChannelId = Text(ticketsChannel.Id),
            logChannelId = Text(logChannel.Id),
            openTicketLimit = 1,
            cooldownSeconds = 0,
            bypassRoleIds = Array.Empty<string>(),
            formQuestions = Questions,
            autoCloseAfterHours = 72,
            warningBeforeCloseHours = 12,
        });
        var panel = (await admin.PostAsync(guild.Id, "/panels", new
        {
            channelId = Text(panelChannel.Id), title = "Need help?", description = "Open a ticket.", style = "buttons", categoryIds = new[] { category },
        }))["id"]!.GetValue<Guid>();
        var messageId = ulong.Parse((await admin.PostAsync(guild.Id, $"/panels/{panel}/publish", new { }))["messageId"]!.GetValue<string>(), CultureInfo.InvariantCulture);

        var blocked = Members(state, guild, "blocked", BlockedCount);
        foreach (var member in blocked)
        {
            await admin.PostAsync(guild.Id, "/blocklist", new { target = "user", targetId = Text(member.Id), reason = "Spam" });
        }

        return new LoadGuild(guild, staff, ticketsChannel, state.Message(panelChannel.Id, messageId)!, panel, category,
            Members(state, guild, "browser", BrowserCount), blocked, Members(state, guild, "opener", openers));
    }

    private static List<DiscordUser> Members(EmulatorState state, DiscordGuild guild, string kind, int count) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var user = state.AddUser($"{kind}-{i}");
            state.AddMember(guild.Id, user.Id);
            return user;
        })];

    private static string Text(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
