using System.Globalization;
using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.Interactions;
using TicketSaas.Discord.Emulator.State;
using TicketSaas.IntegrationTests.Support;
using static TicketSaas.IntegrationTests.Tickets.OpeningTickets;

namespace TicketSaas.IntegrationTests.Tickets;

/// <summary>An open ticket of a scene's guild: its id (read from its welcome's buttons), thread and welcome message.</summary>
public sealed record OpenTicket(SceneGuild Guild, Guid Id, ulong ThreadId, DiscordMessage Welcome)
{
    public TicketScene Scene => Guild.Scene;

    /// <summary>The welcome button, or a button of a later message, with that label.</summary>
    public static string ButtonId(DiscordMessage message, string label) =>
        message.Components.SelectMany(row => row!["components"]!.AsArray())
            .Single(component => component!["label"]?.GetValue<string>() == label)!["custom_id"]!.GetValue<string>();

    public Task<InteractionDelivery> ClickAsync(DiscordMessage message, string label, DiscordUser? user = null) =>
        Scene.Emulator.Interactions.ClickButtonAsync(message.ChannelId, message.Id, (user ?? Guild.Staff).Id, ButtonId(message, label));

    public Task<InteractionDelivery> CommandAsync(string subcommand, params CommandOptionValue[] options) =>
        CommandByAsync(Guild.Staff, subcommand, options);

    public async Task<InteractionDelivery> CommandByAsync(DiscordUser user, string subcommand, params CommandOptionValue[] options)
    {
        await Scene.WaitForCommandsAsync();
        return await Scene.Emulator.Interactions.InvokeCommandAsync(ThreadId, user.Id, "ticket", subcommand, options);
    }

    /// <summary>The ticket's row, column by column (snake_case names), as text.</summary>
    public async Task<string> ColumnAsync(string column) =>
        await Scene.Database.ScalarTextAsync($"SELECT {column} FROM tickets_ticket WHERE guild_id = {Text(Guild.Id)} AND number = {Number}");

    public int Number => int.Parse(Welcome.Embeds[0]!["title"]!.GetValue<string>().Split('#', ' ')[2], CultureInfo.InvariantCulture);

    public DiscordChannel Thread => Scene.State.Channel(ThreadId)!;

    private static string Text(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What the tests of working tickets share: opening one, reading announcements, events and DMs.</summary>
public static class WorkingTickets
{
    /// <summary>Opens a ticket for the guild's member in a category without a form, and waits for its welcome.</summary>
    public static async Task<OpenTicket> OpenTicketAsync(this SceneGuild guild, Guid categoryId, DiscordMessage panel, DiscordUser? opener = null)
    {
        var state = guild.Scene.State;
        var before = guild.Threads.Select(t => t.Id).ToHashSet();
        await guild.ClickAsync(panel, ButtonFor(panel, categoryId), opener);
        var welcome = await guild.Scene.UntilAsync(
            () => guild.Threads.Where(t => !before.Contains(t.Id)).Select(t => state.Messages(t.Id).FirstOrDefault()).FirstOrDefault(m => m is not null),
            "the new ticket's welcome");
        var thread = state.Channel(welcome.ChannelId)!;
        await guild.Scene.UntilAsync(
            async () => await guild.Scene.Database.ScalarTextAsync($"SELECT status FROM tickets_ticket WHERE thread_id = {thread.Id}") == "Open" ? thread : null,
            "the ticket marked open");
        var claim = welcome.Components[0]!["components"]![0]!["custom_id"]!.GetValue<string>();
        return new OpenTicket(guild, Guid.ParseExact(claim.Split(':')[2], "N"), thread.Id, welcome);
    }

    /// <summary>A category, a panel and a ticket opened from it.</summary>
    public static async Task<OpenTicket> OpenTicketAsync(this SceneGuild guild, string category = "General")
    {
        var categoryId = await guild.AddCategoryAsync(category);
        var (_, panel) = await guild.PublishPanelAsync("buttons", categoryId);
        return await guild.OpenTicketAsync(categoryId, panel);
    }

    /// <summary>An accepted staff action is deferred publicly, then the reply is filled with the announcement.</summary>
    public static async Task<DiscordMessage> AnnouncementAsync(this OpenTicket ticket, InteractionDelivery delivery)
    {
        var answer = await ticket.Scene.AnswerAsync(delivery);
        Assert.True(answer["type"]!.GetValue<int>() == 5 && (answer["data"]?["flags"]?.GetValue<int>() ?? 0) == 0,
            $"Expected a public deferral, got {delivery.Body}");
        var state = ticket.Scene.State;
        return await Eventually.WaitAsync(() =>
        {
            var record = state.Interaction(delivery.Interaction.Id);
            var original = record?.OriginalMessageId is { } id ? state.Message(record.ChannelId, id) : null;
            return original is { Content.Length: > 0 } ? original : null;
        }, () => "the announcement; the bot host's last lines:\n" + string.Join('\n', ticket.Scene.Bot.Output.TakeLast(10)));
    }

    /// <summary>The bot's first answer to the interaction (type and data), by HTTP or, in gateway mode, by callback.</summary>
    public static async Task<JsonNode> AnswerAsync(this TicketScene scene, InteractionDelivery delivery)
    {
        if (delivery.Json is { } answered)
        {
            return answered;
        }

        var record = await scene.UntilAsync(() => scene.State.Interaction(delivery.Interaction.Id) is { CallbackType: not null } r ? r : null, "the interaction's answer");
        return new JsonObject { ["type"] = record.CallbackType, ["data"] = record.CallbackData?.DeepClone() };
    }

    /// <summary>The text of an ephemeral answer (a refusal, a question).</summary>
    public static async Task<string> EphemeralAsync(this TicketScene scene, InteractionDelivery delivery)
    {
        var answer = await scene.AnswerAsync(delivery);
        Assert.True(answer["type"]!.GetValue<int>() == 4 && (answer["data"]!["flags"]!.GetValue<int>() & 64) == 64, $"Expected an ephemeral message, got {answer}");
        return answer["data"]!["content"]!.GetValue<string>();
    }

    /// <summary>The payloads of the guild's events of that name in the Tickets outbox.</summary>
    public static async Task<IReadOnlyList<JsonNode>> EventsAsync(this SceneGuild guild, string name)
    {
        var payloads = await guild.Scene.Database.ColumnAsync($"SELECT payload FROM tickets_outbox_message WHERE name = '{name}'");
        return [.. payloads.Select(p => JsonNode.Parse(p)!)
            .Where(p => p["GuildId"]?.ToString() == guild.Id.ToString(CultureInfo.InvariantCulture))];
    }

    /// <summary>The messages the bot sent the user by DM (none until it opened the DM).</summary>
    public static IReadOnlyList<DiscordMessage> DirectMessages(this TicketScene scene, DiscordUser user) =>
        scene.State.DirectMessageChannel(scene.Emulator.Bot.ApplicationId, user.Id) is { } dm ? scene.State.Messages(dm.Id) : [];

    public static Task<T> UntilAsync<T>(this TicketScene scene, Func<T?> probe, string what)
        where T : class =>
        Eventually.WaitAsync(probe, () => $"{what}; the bot host's last lines:\n" + string.Join('\n', scene.Bot.Output.TakeLast(10)));

    public static Task<T> UntilAsync<T>(this TicketScene scene, Func<Task<T?>> probe, string what)
        where T : class =>
        Eventually.WaitAsync(probe, () => $"{what}; the bot host's last lines:\n" + string.Join('\n', scene.Bot.Output.TakeLast(10)));

    public static CommandOptionValue User(DiscordUser user) => new("user", CommandOptionType.User, user.Id);

    public static CommandOptionValue Option(string name, string value) => new(name, CommandOptionType.String, value);
}
