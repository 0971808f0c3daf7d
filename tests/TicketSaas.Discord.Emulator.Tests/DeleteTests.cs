using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.State;
using Xunit;

namespace TicketSaas.Discord.Emulator.Tests;

public class DeleteTests
{
    [SkippableFact]
    public async Task A_deleted_message_is_unknown_to_reads_and_edits()
    {
        await using var seeded = await Seeded.StartAsync();
        var posted = Seeded.IdOf(await Seeded.JsonOf(await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = "welcome" })));
        var path = $"channels/{seeded.Channel.Id}/messages/{posted}";

        var deleted = await seeded.Client.DeleteAsync(path);
        var read = await seeded.Client.GetAsync(path);
        var edited = await seeded.Client.PatchAsJsonAsync(path, new JsonObject { ["content"] = "again" });
        var deletedAgain = await seeded.Client.DeleteAsync(path);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await SpecAnswers.AssertMatchesAsync(deleted);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(10008, await Seeded.CodeOf(read));
        Assert.Equal(10008, await Seeded.CodeOf(edited));
        Assert.Equal(10008, await Seeded.CodeOf(deletedAgain));
        Assert.Empty(seeded.Emulator.State.Messages(seeded.Channel.Id));
    }

    [SkippableFact]
    public async Task Deleting_someone_elses_message_needs_manage_messages()
    {
        await using var seeded = await Seeded.StartAsync();
        var theirs = seeded.Emulator.State.PostUserMessage(seeded.Channel.Id, seeded.Member.Id, "spam");
        var path = $"channels/{seeded.Channel.Id}/messages/{theirs.Id}";

        var refused = await seeded.Client.DeleteAsync(path);
        var kept = seeded.Emulator.State.Message(seeded.Channel.Id, theirs.Id);
        seeded.GrantBot(Permissions.ManageMessages);
        var deleted = await seeded.Client.DeleteAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(50013, await Seeded.CodeOf(refused));
        Assert.NotNull(kept);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(seeded.Emulator.State.Message(seeded.Channel.Id, theirs.Id));
    }

    [SkippableFact]
    public async Task A_message_a_moderator_deleted_is_unknown_to_the_bot()
    {
        await using var seeded = await Seeded.StartAsync();
        var posted = Seeded.IdOf(await Seeded.JsonOf(await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = "panel" })));

        seeded.Emulator.State.DeleteMessage(seeded.Channel.Id, posted);
        var edited = await seeded.Client.PatchAsJsonAsync($"channels/{seeded.Channel.Id}/messages/{posted}", new JsonObject { ["content"] = "panel v2" });

        Assert.Equal(HttpStatusCode.NotFound, edited.StatusCode);
        Assert.Equal(10008, await Seeded.CodeOf(edited));
    }

    [SkippableFact]
    public async Task Deleting_a_thread_needs_manage_threads_and_leaves_it_unknown()
    {
        await using var seeded = await Seeded.StartAsync();
        var thread = await seeded.CreateThreadAsync(ChannelType.PrivateThread);
        await seeded.PostMessageAsync(thread, new JsonObject { ["content"] = "hello" });

        var refused = await seeded.Client.DeleteAsync($"channels/{thread}");
        seeded.GrantBot(Permissions.ManageThreads);
        var deleted = await seeded.Client.DeleteAsync($"channels/{thread}");
        var read = await seeded.Client.GetAsync($"channels/{thread}");
        var post = await seeded.PostMessageAsync(thread, new JsonObject { ["content"] = "anyone?" });

        Assert.Equal(50013, await Seeded.CodeOf(refused));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var answered = await Seeded.JsonOf(deleted);
        Assert.Equal(thread, Seeded.IdOf(answered));
        Assert.Equal(1, answered["message_count"]!.GetValue<int>());
        await SpecAnswers.AssertMatchesAsync(deleted);
        Assert.Equal(10003, await Seeded.CodeOf(read));
        Assert.Equal(10003, await Seeded.CodeOf(post));
        Assert.Null(seeded.Emulator.State.Channel(thread));
    }

    [SkippableFact]
    public async Task A_channel_a_moderator_deleted_takes_its_threads_along_and_a_categorys_channels_stay()
    {
        await using var seeded = await Seeded.StartAsync();
        var state = seeded.Emulator.State;
        var category = state.AddCategory(seeded.Guild.Id, "Support");
        var queue = state.AddTextChannel(seeded.Guild.Id, "queue", category.Id);
        var thread = await seeded.CreateThreadAsync(ChannelType.PublicThread);

        state.DeleteChannel(seeded.Channel.Id);
        state.DeleteChannel(category.Id);
        var threadRead = await seeded.Client.GetAsync($"channels/{thread}");
        var channelRead = await seeded.Client.GetAsync($"channels/{seeded.Channel.Id}");

        Assert.Equal(10003, await Seeded.CodeOf(threadRead));
        Assert.Equal(10003, await Seeded.CodeOf(channelRead));
        Assert.Null(state.Channel(queue.Id)!.ParentId);
    }

    [SkippableFact]
    public async Task Deleting_a_thread_dispatches_thread_delete_with_its_four_fields()
    {
        await using var seeded = await Seeded.StartAsync();
        seeded.GrantBot(Permissions.ManageThreads);
        var byBot = await seeded.CreateThreadAsync(ChannelType.PrivateThread);
        var byModerator = await seeded.CreateThreadAsync(ChannelType.PublicThread);
        await using var probe = await GatewayProbe.ConnectAsync(seeded.Emulator);

        await seeded.Client.DeleteAsync($"channels/{byBot}");
        seeded.Emulator.State.DeleteChannel(byModerator);

        var first = await probe.WaitForAsync("THREAD_DELETE", d => Seeded.IdOf(d) == byBot);
        var second = await probe.WaitForAsync("THREAD_DELETE", d => Seeded.IdOf(d) == byModerator);
        var guild = seeded.Guild.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var parent = seeded.Channel.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""{ "id": "{{byBot}}", "guild_id": "{{guild}}", "parent_id": "{{parent}}", "type": 12 }"""), first));
        Assert.Equal(11, second["type"]!.GetValue<int>());
        Assert.DoesNotContain(probe.Dispatches, d => d.Name == "CHANNEL_DELETE");
    }

    [SkippableFact]
    public async Task Deleting_a_channel_dispatches_channel_delete_and_nothing_for_its_threads()
    {
        await using var seeded = await Seeded.StartAsync();
        seeded.GrantBot(Permissions.ManageChannels);
        var thread = await seeded.CreateThreadAsync(ChannelType.PrivateThread);
        var other = seeded.Emulator.State.AddTextChannel(seeded.Guild.Id, "general");
        await using var probe = await GatewayProbe.ConnectAsync(seeded.Emulator);

        var deleted = await seeded.Client.DeleteAsync($"channels/{seeded.Channel.Id}");
        seeded.Emulator.State.DeleteChannel(other.Id);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var channel = await probe.WaitForAsync("CHANNEL_DELETE", d => Seeded.IdOf(d) == seeded.Channel.Id);
        Assert.Equal(("tickets", 0), (channel["name"]!.GetValue<string>(), channel["type"]!.GetValue<int>()));
        await probe.WaitForAsync("CHANNEL_DELETE", d => Seeded.IdOf(d) == other.Id);
        Assert.Null(seeded.Emulator.State.Channel(thread));
        Assert.DoesNotContain(probe.Dispatches, d => d.Name == "THREAD_DELETE");
    }
}
