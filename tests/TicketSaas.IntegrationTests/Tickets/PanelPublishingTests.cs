using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using TicketSaas.Discord.Emulator.State;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Tickets;

/// <summary>A panel's live message follows the panel, and the bot's permissions are checked before a channel is saved.</summary>
public sealed class PanelPublishingTests(SqliteTicketScene fixture) : IClassFixture<SqliteTicketScene>
{
    [Fact]
    public async Task Editing_a_published_panel_edits_its_live_message()
    {
        var guild = await (await fixture.SceneAsync()).AddGuildAsync();
        var billing = await guild.AddCategoryAsync("Billing");
        var bugs = await guild.AddCategoryAsync("Bugs");
        var (panelId, message) = await guild.PublishPanelAsync("buttons", billing);

        await guild.Admin.PutJsonAsync($"{guild.Api}/panels/{panelId}", new
        {
            channelId = Text(guild.PanelChannel.Id), title = "Contact us", description = "", style = "dropdown", categoryIds = new[] { bugs, billing },
        });

        var live = guild.Scene.State.Message(guild.PanelChannel.Id, message.Id)!;
        Assert.NotNull(live.EditedTimestamp);
        Assert.Equal("Contact us", live.Embeds[0]!["title"]!.GetValue<string>());
        var options = live.Components[0]!["components"]![0]!["options"]!.AsArray();
        Assert.Equal(["Bugs", "Billing"], options.Select(o => o!["label"]!.GetValue<string>()));
        Assert.Single(guild.Scene.State.Messages(guild.PanelChannel.Id));
    }

    [Fact]
    public async Task A_panel_message_deleted_in_discord_is_posted_again_on_the_next_publish()
    {
        var guild = await (await fixture.SceneAsync()).AddGuildAsync();
        var billing = await guild.AddCategoryAsync("Billing");
        var (panelId, message) = await guild.PublishPanelAsync("buttons", billing);
        guild.Scene.State.DeleteMessage(guild.PanelChannel.Id, message.Id);

        var edited = await guild.Admin.PutJsonAsync($"{guild.Api}/panels/{panelId}", new
        {
            channelId = Text(guild.PanelChannel.Id), title = "Still here?", style = "buttons", categoryIds = new[] { billing },
        });
        var republished = await guild.Admin.PostJsonAsync($"{guild.Api}/panels/{panelId}/publish", new { });

        Assert.Null(edited["messageId"]?.GetValue<string>());
        var messageId = ulong.Parse(republished["messageId"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.NotEqual(message.Id, messageId);
        Assert.Equal("Still here?", guild.Scene.State.Message(guild.PanelChannel.Id, messageId)!.Embeds[0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Moving_a_panel_to_another_channel_moves_its_message_and_deleting_the_panel_deletes_it()
    {
        var guild = await (await fixture.SceneAsync()).AddGuildAsync();
        var billing = await guild.AddCategoryAsync("Billing");
        var (panelId, message) = await guild.PublishPanelAsync("buttons", billing);

        var moved = await guild.Admin.PutJsonAsync($"{guild.Api}/panels/{panelId}", new
        {
            channelId = Text(guild.LogChannel.Id), title = "Moved", style = "buttons", categoryIds = new[] { billing },
        });
        var movedId = ulong.Parse(moved["messageId"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.Null(guild.Scene.State.Message(guild.PanelChannel.Id, message.Id));
        Assert.NotNull(guild.Scene.State.Message(guild.LogChannel.Id, movedId));

        (await guild.Admin.DeleteAsync($"{guild.Api}/panels/{panelId}")).EnsureSuccessStatusCode();
        Assert.Null(guild.Scene.State.Message(guild.LogChannel.Id, movedId));
    }

    [Fact]
    public async Task A_channel_where_the_bot_lacks_permissions_is_refused_with_the_list_and_nothing_is_saved()
    {
        var guild = await (await fixture.SceneAsync()).AddGuildAsync();
        var state = guild.Scene.State;
        var bot = guild.Scene.Emulator.Bot.ApplicationId;
        state.SetPermissionOverwrite(guild.TicketsChannel.Id, bot, OverwriteType.Member, 0, Permissions.CreatePrivateThreads | Permissions.SendMessagesInThreads);
        state.SetPermissionOverwrite(guild.PanelChannel.Id, bot, OverwriteType.Member, 0, Permissions.SendMessages);
        var created = await guild.Admin.PostJsonAsync($"{guild.Api}/categories", new { name = "Billing", namingScheme = "b-{number}" });
        var id = created["id"]!.GetValue<Guid>();

        var category = await guild.Admin.PutAsJsonAsync($"{guild.Api}/categories/{id}", new
        {
            name = "Billing", namingScheme = "b-{number}", staffRoleIds = Array.Empty<string>(), parentChannelId = Text(guild.TicketsChannel.Id),
            openTicketLimit = 1, cooldownSeconds = 0, bypassRoleIds = Array.Empty<string>(), formQuestions = Array.Empty<object>(),
            autoCloseAfterHours = 72, warningBeforeCloseHours = 12,
        }, Json.Options);
        var panel = await guild.Admin.PostAsJsonAsync($"{guild.Api}/panels", new
        {
            channelId = Text(guild.PanelChannel.Id), title = "Help", style = "buttons", categoryIds = new[] { id },
        }, Json.Options);

        Assert.Equal(
            $"The bot lacks permissions it needs: in channel {guild.TicketsChannel.Id} (ticket threads): Create Private Threads, Send Messages in Threads. "
            + "Grant them in the channel's or the bot role's settings, then save again.",
            (await category.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        Assert.Equal(
            $"The bot lacks permissions it needs: in channel {guild.PanelChannel.Id} (panel): Send Messages. "
            + "Grant them in the channel's or the bot role's settings, then save again.",
            (await panel.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        var saved = await guild.Admin.GetFromJsonAsync<CategoryView>($"{guild.Api}/categories/{id}", Json.Options);
        Assert.Null(saved!.ParentChannelId);
        Assert.Empty((await guild.Admin.GetFromJsonAsync<object[]>($"{guild.Api}/panels", Json.Options))!);
    }

    [Fact]
    public async Task Without_a_bot_token_publishing_says_what_to_configure()
    {
        await using var api = await ApiHost.StartAsync(DatabaseKind.Sqlite);
        var guildId = GuildIds.Next();
        using var admin = api.ClientFor(TestCaller.AdminOf(guildId));
        var category = await admin.PostJsonAsync($"/api/v1/guilds/{guildId}/categories", new { name = "Billing", namingScheme = "b-{number}" });
        var panel = await admin.PostJsonAsync($"/api/v1/guilds/{guildId}/panels", new
        {
            channelId = "900000000000000001", title = "Help", style = "buttons", categoryIds = new[] { category["id"]!.GetValue<Guid>() },
        });

        var publish = await admin.PostAsJsonAsync($"/api/v1/guilds/{guildId}/panels/{panel["id"]}/publish", new { });

        Assert.Equal("Discord is not configured on this installation: set Discord:BotToken and Discord:ApplicationId.",
            (await publish.ReadProblemAsync(HttpStatusCode.ServiceUnavailable)).GetProperty("detail").GetString());
    }

    private sealed record CategoryView(string? ParentChannelId);

    private static string Text(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
