using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace TicketSaas.Discord.Emulator.Tests;

public class MessageTests
{
    [SkippableFact]
    public async Task A_repeated_nonce_with_enforce_nonce_returns_the_first_message()
    {
        await using var seeded = await Seeded.StartAsync();
        JsonObject Body() => new() { ["content"] = "welcome", ["nonce"] = "ticket-7-welcome", ["enforce_nonce"] = true };

        var first = await Seeded.JsonOf(await seeded.PostMessageAsync(seeded.Channel.Id, Body()));
        var retry = await Seeded.JsonOf(await seeded.PostMessageAsync(seeded.Channel.Id, Body()));

        Assert.Equal(first["id"]!.GetValue<string>(), retry["id"]!.GetValue<string>());
        Assert.Single(seeded.Emulator.State.Messages(seeded.Channel.Id));
    }

    [SkippableFact]
    public async Task A_repeated_nonce_without_enforce_nonce_posts_again()
    {
        await using var seeded = await Seeded.StartAsync();

        await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = "a", ["nonce"] = 7 });
        await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = "a", ["nonce"] = 7 });

        Assert.Equal(2, seeded.Emulator.State.Messages(seeded.Channel.Id).Count);
    }

    [SkippableFact]
    public async Task Without_message_content_others_messages_come_back_blank_except_mentions_own_and_dms()
    {
        await using var seeded = await Seeded.StartAsync(o => o.HasMessageContentIntent = false);
        var state = seeded.Emulator.State;
        var bot = seeded.Emulator.Bot;
        state.PostUserMessage(seeded.Channel.Id, seeded.Member.Id, "secret", new State.UploadedFile(0, "a.txt", "text/plain", [1]));
        state.PostUserMessage(seeded.Channel.Id, seeded.Member.Id, $"hey <@{bot.ApplicationId}>");
        await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = "from the bot" });
        var dm = await Seeded.JsonOf(await seeded.Client.PostAsync("users/@me/channels",
            new StringContent($$"""{"recipient_id":"{{seeded.Member.Id}}"}""", System.Text.Encoding.UTF8, "application/json")));
        var dmId = ulong.Parse(dm["id"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        state.PostUserMessage(dmId, seeded.Member.Id, "in private");

        var channel = (await Seeded.JsonOf(await seeded.Client.GetAsync($"channels/{seeded.Channel.Id}/messages"))).AsArray();
        var direct = (await Seeded.JsonOf(await seeded.Client.GetAsync($"channels/{dmId}/messages"))).AsArray();

        Assert.Equal(["from the bot", $"hey <@{bot.ApplicationId}>", ""], channel.Select(m => m!["content"]!.GetValue<string>()));
        Assert.Empty(channel[2]!["attachments"]!.AsArray());
        Assert.Equal("in private", direct[0]!["content"]!.GetValue<string>());

        state.SetMessageContentIntent(bot.ApplicationId, true);
        var withIntent = (await Seeded.JsonOf(await seeded.Client.GetAsync($"channels/{seeded.Channel.Id}/messages"))).AsArray();
        Assert.Equal("secret", withIntent[2]!["content"]!.GetValue<string>());
        Assert.Single(withIntent[2]!["attachments"]!.AsArray());
    }

    [SkippableFact]
    public async Task Editing_a_message_replaces_its_content_and_marks_it_edited()
    {
        await using var seeded = await Seeded.StartAsync();
        var posted = await Seeded.JsonOf(await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = "v1" }));
        var id = posted["id"]!.GetValue<string>();

        var edited = await seeded.Client.PatchAsync($"channels/{seeded.Channel.Id}/messages/{id}",
            new StringContent("""{"content":"v2"}""", System.Text.Encoding.UTF8, "application/json"));
        var json = await Seeded.JsonOf(edited);

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("v2", json["content"]!.GetValue<string>());
        Assert.NotNull(json["edited_timestamp"]!.GetValue<string>());
    }
}
