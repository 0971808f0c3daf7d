using System.Globalization;
using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.Interactions;
using TicketSaas.Discord.Emulator.State;
using TicketSaas.IntegrationTests.Support;

namespace TicketSaas.IntegrationTests.Tickets;

/// <summary>What the opening tests share: a category with a two-question form, a published panel, and reading the results.</summary>
public static class OpeningTickets
{
    public static readonly object[] TwoQuestions =
    [
        new { label = "Order number", style = "short", required = true, maxLength = 20, options = Array.Empty<object>() },
        new { label = "What happened?", style = "paragraph", required = true, options = Array.Empty<object>() },
    ];

    /// <summary>The custom id of a panel's first button, or of its dropdown.</summary>
    public static string FirstComponentId(DiscordMessage panel) =>
        panel.Components[0]!["components"]![0]!["custom_id"]!.GetValue<string>();

    /// <summary>Clicks the panel (or picks the category in its dropdown) and returns the modal's custom id.</summary>
    public static async Task<string> OpenFormAsync(this SceneGuild guild, DiscordMessage panel, Guid categoryId, DiscordUser? user = null)
    {
        var delivery = await guild.ChooseAsync(panel, categoryId, user);
        var answer = delivery.Json!;
        Assert.True(answer["type"]!.GetValue<int>() == 9, $"Expected a modal, got {delivery.Body}");
        return answer["data"]!["custom_id"]!.GetValue<string>();
    }

    /// <summary>A click on the panel's button for the category, or the category chosen in its dropdown.</summary>
    public static Task<InteractionDelivery> ChooseAsync(this SceneGuild guild, DiscordMessage panel, Guid categoryId, DiscordUser? user = null)
    {
        var component = panel.Components[0]!["components"]![0]!;
        var customId = component["custom_id"]!.GetValue<string>();
        return component["type"]!.GetValue<int>() == 3
            ? guild.Scene.Emulator.Interactions.SelectAsync(panel.ChannelId, panel.Id, (user ?? guild.Member).Id, customId, [categoryId.ToString("N")])
            : guild.ClickAsync(panel, ButtonFor(panel, categoryId), user);
    }

    public static string ButtonFor(DiscordMessage panel, Guid categoryId) =>
        panel.Components.SelectMany(row => row!["components"]!.AsArray())
            .Select(button => button!["custom_id"]!.GetValue<string>())
            .Single(id => id.EndsWith(categoryId.ToString("N"), StringComparison.Ordinal));

    /// <summary>The ephemeral text the member saw: the immediate answer's, or the deferred reply once edited.</summary>
    public static string EphemeralText(InteractionDelivery delivery)
    {
        var answer = delivery.Json!;
        Assert.True(answer["type"]!.GetValue<int>() == 4, $"Expected a message, got {delivery.Body}");
        Assert.Equal(64, answer["data"]!["flags"]!.GetValue<int>() & 64);
        return answer["data"]!["content"]!.GetValue<string>();
    }

    /// <summary>Waits for the opening worker's edit of a deferred reply and returns its text.</summary>
    public static Task<string> DeferredReplyAsync(this SceneGuild guild, InteractionDelivery delivery)
    {
        var answer = delivery.Json!;
        Assert.True(answer["type"]!.GetValue<int>() == 5, $"Expected a deferral, got {delivery.Body}");
        Assert.Equal(64, answer["data"]!["flags"]!.GetValue<int>() & 64);
        var state = guild.Scene.State;
        return Eventually.WaitAsync(() =>
        {
            var record = state.Interaction(delivery.Interaction.Id);
            var original = record?.OriginalMessageId is { } id ? state.Message(record.ChannelId, id) : null;
            return original is { Content.Length: > 0 } ? original.Content : null;
        }, () => "the deferred reply's edit; the bot host's warnings:\n" + string.Join('\n', guild.Scene.Bot.Output.Where(IsWarning).TakeLast(10)));
    }

    public static string Mention(ulong channelId) => $"<#{channelId.ToString(CultureInfo.InvariantCulture)}>";

    /// <summary>The payloads of the guild's <c>tickets.ticket-opened.v1</c> events in the module's outbox.</summary>
    public static async Task<IReadOnlyList<JsonNode>> OpenedEventsAsync(this SceneGuild guild)
    {
        var payloads = await guild.Scene.Database.ColumnAsync("SELECT payload FROM tickets_outbox_message WHERE name = 'tickets.ticket-opened.v1'");
        return [.. payloads.Select(p => JsonNode.Parse(p)!)
            .Where(p => p["GuildId"]!.ToString() == guild.Id.ToString(CultureInfo.InvariantCulture))];
    }

    private static bool IsWarning(string line) => line.Contains("\"LogLevel\":\"Warning\"", StringComparison.Ordinal) || line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal);
}
