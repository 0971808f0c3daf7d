using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.State;
using Xunit;

namespace TicketSaas.Discord.Emulator.Tests;

public class PermissionTests
{
    [SkippableFact]
    public async Task A_new_guilds_everyone_role_has_discords_default_and_roles_show_whether_they_are_mentionable()
    {
        await using var seeded = await Seeded.StartAsync();
        var pingable = seeded.Emulator.State.AddRole(seeded.Guild.Id, "Support", mentionable: true);

        var response = await seeded.Client.GetAsync($"guilds/{seeded.Guild.Id}/roles");
        var roles = (await Seeded.JsonOf(response)).AsArray().ToDictionary(r => Seeded.IdOf(r!));

        // The value real guilds report for @everyone.
        Assert.Equal("1071698660929", roles[seeded.Guild.Id]!["permissions"]!.GetValue<string>());
        Assert.True(roles[pingable.Id]!["mentionable"]!.GetValue<bool>());
        Assert.False(roles[seeded.StaffRole.Id]!["mentionable"]!.GetValue<bool>());
        await SpecAnswers.AssertMatchesAsync(response);
    }

    [SkippableFact]
    public async Task Get_guild_answers_the_guild_with_its_owner_and_roles()
    {
        await using var seeded = await Seeded.StartAsync();

        var response = await seeded.Client.GetAsync($"guilds/{seeded.Guild.Id}");
        var guild = await Seeded.JsonOf(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Support", guild["name"]!.GetValue<string>());
        Assert.Equal(seeded.Owner.Id, ulong.Parse(guild["owner_id"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        Assert.Equal(["@everyone", "Staff"], guild["roles"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()));
        await SpecAnswers.AssertMatchesAsync(response);
    }

    [SkippableFact]
    public async Task Overwrites_apply_everyone_then_roles_combined_then_the_member()
    {
        await using var seeded = await Seeded.StartAsync();
        var state = seeded.Emulator.State;
        var (guild, channel) = (seeded.Guild.Id, seeded.Channel.Id);
        var helpers = state.AddRole(guild, "Helpers");
        var muted = state.AddRole(guild, "Muted");
        state.SetMemberRoles(guild, seeded.Member.Id, helpers.Id, muted.Id);
        state.SetPermissionOverwrite(channel, guild, OverwriteType.Role, 0, Permissions.SendMessages | Permissions.AddReactions);
        state.SetPermissionOverwrite(channel, helpers.Id, OverwriteType.Role, Permissions.SendMessages, 0);
        state.SetPermissionOverwrite(channel, muted.Id, OverwriteType.Role, 0, Permissions.SendMessages);

        // One role's allow beats another role's deny whatever their order, and both beat @everyone's.
        var withRoles = state.ChannelPermissions(channel, seeded.Member.Id);
        state.SetPermissionOverwrite(channel, seeded.Member.Id, OverwriteType.Member, Permissions.AddReactions, Permissions.SendMessages);
        var withMemberOverwrite = state.ChannelPermissions(channel, seeded.Member.Id);

        Assert.Equal(Permissions.EveryoneDefault & ~Permissions.AddReactions, withRoles);
        Assert.Equal(Permissions.EveryoneDefault & ~Permissions.SendMessages, withMemberOverwrite);
    }

    [SkippableFact]
    public async Task Owners_and_administrators_hold_everything_and_without_view_channel_nothing_counts()
    {
        await using var seeded = await Seeded.StartAsync();
        var state = seeded.Emulator.State;
        var (guild, channel) = (seeded.Guild.Id, seeded.Channel.Id);
        var admin = state.AddUser("admin");
        state.AddMember(guild, admin.Id, state.AddRole(guild, "Admins", Permissions.Administrator).Id);
        state.SetPermissionOverwrite(channel, guild, OverwriteType.Role, 0, Permissions.ViewChannel);
        state.SetPermissionOverwrite(channel, seeded.Owner.Id, OverwriteType.Member, 0, Permissions.ViewChannel);

        Assert.Equal(Permissions.All, state.ChannelPermissions(channel, seeded.Owner.Id));
        Assert.Equal(Permissions.All, state.ChannelPermissions(channel, admin.Id));
        Assert.Equal(0UL, state.ChannelPermissions(channel, seeded.Member.Id));
    }

    [SkippableFact]
    public async Task A_thread_has_its_parents_permissions()
    {
        await using var seeded = await Seeded.StartAsync();
        var state = seeded.Emulator.State;
        var thread = await seeded.CreateThreadAsync(ChannelType.PublicThread);
        state.SetPermissionOverwrite(seeded.Channel.Id, seeded.Member.Id, OverwriteType.Member, Permissions.ManageThreads, Permissions.SendMessagesInThreads);

        Assert.Equal(state.ChannelPermissions(seeded.Channel.Id, seeded.Member.Id), state.ChannelPermissions(thread, seeded.Member.Id));
        Assert.Equal((Permissions.EveryoneDefault & ~Permissions.SendMessagesInThreads) | Permissions.ManageThreads, state.ChannelPermissions(thread, seeded.Member.Id));
    }

    [SkippableFact]
    public async Task Overwrites_are_rendered_on_the_channel_and_in_the_guild_channel_list()
    {
        await using var seeded = await Seeded.StartAsync();
        seeded.Emulator.State.SetPermissionOverwrite(seeded.Channel.Id, seeded.StaffRole.Id, OverwriteType.Role, Permissions.ManageThreads, Permissions.AddReactions);
        seeded.Emulator.State.SetPermissionOverwrite(seeded.Channel.Id, seeded.Member.Id, OverwriteType.Member, 0, Permissions.SendMessages);

        var response = await seeded.Client.GetAsync($"channels/{seeded.Channel.Id}");
        var listed = (await Seeded.JsonOf(await seeded.Client.GetAsync($"guilds/{seeded.Guild.Id}/channels"))).AsArray().Single(c => Seeded.IdOf(c!) == seeded.Channel.Id)!;
        var overwrites = (await Seeded.JsonOf(response))["permission_overwrites"]!;

        Assert.Equal(
            $$"""[{"id":"{{seeded.StaffRole.Id}}","type":0,"allow":"{{Permissions.ManageThreads}}","deny":"{{Permissions.AddReactions}}"},{"id":"{{seeded.Member.Id}}","type":1,"allow":"0","deny":"{{Permissions.SendMessages}}"}]""",
            overwrites.ToJsonString());
        Assert.Equal(overwrites.ToJsonString(), listed["permission_overwrites"]!.ToJsonString());
        await SpecAnswers.AssertMatchesAsync(response);
    }

    [SkippableFact]
    public async Task A_role_the_bot_is_given_opens_a_channel_hidden_from_everyone()
    {
        await using var seeded = await Seeded.StartAsync();
        var state = seeded.Emulator.State;
        state.SetPermissionOverwrite(seeded.Channel.Id, seeded.Guild.Id, OverwriteType.Role, 0, Permissions.ViewChannel);
        state.SetPermissionOverwrite(seeded.Channel.Id, seeded.StaffRole.Id, OverwriteType.Role, Permissions.ViewChannel, 0);

        var hidden = await seeded.Client.GetAsync($"channels/{seeded.Channel.Id}");
        state.SetMemberRoles(seeded.Guild.Id, seeded.Emulator.Bot.ApplicationId, seeded.StaffRole.Id);
        var shown = await seeded.Client.GetAsync($"channels/{seeded.Channel.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, hidden.StatusCode);
        Assert.Equal(50001, await Seeded.CodeOf(hidden));
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
    }

    [SkippableTheory]
    [InlineData(ChannelType.PrivateThread, Permissions.CreatePrivateThreads)]
    [InlineData(ChannelType.PublicThread, Permissions.CreatePublicThreads)]
    public async Task Creating_a_thread_needs_the_create_permission_of_its_type(ChannelType type, ulong needed)
    {
        await using var seeded = await Seeded.StartAsync();
        var other = type == ChannelType.PrivateThread ? ChannelType.PublicThread : ChannelType.PrivateThread;
        seeded.Emulator.State.SetPermissionOverwrite(seeded.Channel.Id, seeded.Guild.Id, OverwriteType.Role, 0, needed);

        var refused = await seeded.Client.PostAsJsonAsync($"channels/{seeded.Channel.Id}/threads", new JsonObject { ["name"] = "t", ["type"] = (int)type });
        var otherType = await seeded.Client.PostAsJsonAsync($"channels/{seeded.Channel.Id}/threads", new JsonObject { ["name"] = "t", ["type"] = (int)other });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(50013, await Seeded.CodeOf(refused));
        Assert.Equal(HttpStatusCode.Created, otherType.StatusCode);
        Assert.Equal(other, Assert.Single(seeded.Emulator.State.Threads(seeded.Channel.Id)).Type);
    }

    [SkippableFact]
    public async Task Sending_needs_send_messages_in_a_channel_and_send_messages_in_threads_in_a_thread()
    {
        await using var seeded = await Seeded.StartAsync();
        var state = seeded.Emulator.State;
        var thread = await seeded.CreateThreadAsync(ChannelType.PrivateThread);
        state.SetPermissionOverwrite(seeded.Channel.Id, seeded.Guild.Id, OverwriteType.Role, 0, Permissions.SendMessages);

        var inChannel = await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = "a" });
        var inThread = await seeded.PostMessageAsync(thread, new JsonObject { ["content"] = "b" });
        state.SetPermissionOverwrite(seeded.Channel.Id, seeded.Guild.Id, OverwriteType.Role, 0, Permissions.SendMessagesInThreads);
        var inThreadDenied = await seeded.PostMessageAsync(thread, new JsonObject { ["content"] = "c" });

        Assert.Equal(HttpStatusCode.Forbidden, inChannel.StatusCode);
        Assert.Equal(50013, await Seeded.CodeOf(inChannel));
        Assert.Equal(HttpStatusCode.OK, inThread.StatusCode);
        Assert.Equal(50013, await Seeded.CodeOf(inThreadDenied));
        Assert.Empty(state.Messages(seeded.Channel.Id));
        Assert.Equal(["b"], state.Messages(thread).Select(m => m.Content));
    }

    [SkippableFact]
    public async Task Adding_someone_to_a_thread_needs_the_right_to_send_in_it()
    {
        await using var seeded = await Seeded.StartAsync();
        var thread = await seeded.CreateThreadAsync(ChannelType.PrivateThread);
        seeded.Emulator.State.SetPermissionOverwrite(seeded.Channel.Id, seeded.Emulator.Bot.ApplicationId, OverwriteType.Member, 0, Permissions.SendMessagesInThreads);

        var refused = await seeded.Client.PutAsync($"channels/{thread}/thread-members/{seeded.Member.Id}", null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(50013, await Seeded.CodeOf(refused));
        Assert.Equal([seeded.Emulator.Bot.ApplicationId], seeded.Emulator.State.ThreadMembers(thread));
    }

    [SkippableFact]
    public async Task A_private_thread_the_bot_left_is_hidden_from_it_unless_it_manages_threads()
    {
        await using var seeded = await Seeded.StartAsync();
        var thread = await seeded.CreateThreadAsync(ChannelType.PrivateThread);
        var left = await seeded.Client.DeleteAsync($"channels/{thread}/thread-members/{seeded.Emulator.Bot.ApplicationId}");

        var hidden = await seeded.Client.GetAsync($"channels/{thread}");
        var addWhileHidden = await seeded.Client.PutAsync($"channels/{thread}/thread-members/{seeded.Member.Id}", null);
        seeded.GrantBot(Permissions.ManageThreads);
        var addAsModerator = await seeded.Client.PutAsync($"channels/{thread}/thread-members/{seeded.Member.Id}", null);

        Assert.Equal(HttpStatusCode.NoContent, left.StatusCode);
        Assert.Equal(50001, await Seeded.CodeOf(hidden));
        Assert.Equal(50001, await Seeded.CodeOf(addWhileHidden));
        Assert.Equal(HttpStatusCode.NoContent, addAsModerator.StatusCode);
        Assert.Equal([seeded.Member.Id], seeded.Emulator.State.ThreadMembers(thread));
    }

    [SkippableFact]
    public async Task Removing_someone_from_a_public_thread_needs_manage_threads_but_leaving_it_does_not()
    {
        await using var seeded = await Seeded.StartAsync();
        var thread = await seeded.CreateThreadAsync(ChannelType.PublicThread);
        await seeded.Client.PutAsync($"channels/{thread}/thread-members/{seeded.Member.Id}", null);

        var refused = await seeded.Client.DeleteAsync($"channels/{thread}/thread-members/{seeded.Member.Id}");
        var left = await seeded.Client.DeleteAsync($"channels/{thread}/thread-members/{seeded.Emulator.Bot.ApplicationId}");
        var kept = seeded.Emulator.State.ThreadMembers(thread);
        seeded.GrantBot(Permissions.ManageThreads);
        var removed = await seeded.Client.DeleteAsync($"channels/{thread}/thread-members/{seeded.Member.Id}");

        Assert.Equal(50013, await Seeded.CodeOf(refused));
        Assert.Equal(HttpStatusCode.NoContent, left.StatusCode);
        Assert.Equal([seeded.Member.Id], kept);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Empty(seeded.Emulator.State.ThreadMembers(thread));
    }

    [SkippableFact]
    public async Task A_threads_owner_may_rename_archive_and_unarchive_it_but_not_lock_it()
    {
        await using var seeded = await Seeded.StartAsync();
        var thread = await seeded.CreateThreadAsync(ChannelType.PrivateThread);

        var renamed = await PatchAsync(seeded.Client, thread, new JsonObject { ["name"] = "ticket-0001" });
        var archived = await PatchAsync(seeded.Client, thread, new JsonObject { ["archived"] = true });
        var unarchived = await PatchAsync(seeded.Client, thread, new JsonObject { ["archived"] = false });
        var locked = await PatchAsync(seeded.Client, thread, new JsonObject { ["archived"] = true, ["locked"] = true });

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unarchived.StatusCode);
        Assert.Equal(50013, await Seeded.CodeOf(locked));
        var stored = seeded.Emulator.State.Channel(thread)!;
        Assert.Equal("ticket-0001", stored.Name);
        Assert.False(stored.Thread!.Archived);
        Assert.False(stored.Thread.Locked);
        await SpecAnswers.AssertMatchesAsync(unarchived);
    }

    [SkippableFact]
    public async Task Renaming_or_archiving_another_bots_thread_needs_manage_threads()
    {
        await using var seeded = await Seeded.StartAsync();
        var other = seeded.Emulator.State.AddBot("Other");
        seeded.Emulator.State.AddMember(seeded.Guild.Id, other.ApplicationId);
        using var otherClient = seeded.ClientFor(other);
        var thread = await seeded.CreateThreadAsync(ChannelType.PublicThread, otherClient);

        var rename = await PatchAsync(seeded.Client, thread, new JsonObject { ["name"] = "mine" });
        var archive = await PatchAsync(seeded.Client, thread, new JsonObject { ["archived"] = true });
        seeded.GrantBot(Permissions.ManageThreads);
        var asModerator = await PatchAsync(seeded.Client, thread, new JsonObject { ["name"] = "closed", ["archived"] = true, ["locked"] = true });

        Assert.Equal(50013, await Seeded.CodeOf(rename));
        Assert.Equal(50013, await Seeded.CodeOf(archive));
        Assert.Equal(HttpStatusCode.OK, asModerator.StatusCode);
        Assert.Equal("closed", seeded.Emulator.State.Channel(thread)!.Name);
    }

    [SkippableFact]
    public async Task Anyone_who_can_send_may_unarchive_an_unlocked_thread_but_only_manage_threads_a_locked_one()
    {
        await using var seeded = await Seeded.StartAsync();
        var state = seeded.Emulator.State;
        var other = state.AddBot("Other");
        state.AddMember(seeded.Guild.Id, other.ApplicationId, state.AddRole(seeded.Guild.Id, "Moderator", Permissions.ManageThreads).Id);
        using var otherClient = seeded.ClientFor(other);
        var unlocked = await seeded.CreateThreadAsync(ChannelType.PublicThread, otherClient);
        var locked = await seeded.CreateThreadAsync(ChannelType.PublicThread, otherClient);
        await PatchAsync(otherClient, unlocked, new JsonObject { ["archived"] = true });
        await PatchAsync(otherClient, locked, new JsonObject { ["archived"] = true, ["locked"] = true });

        var reopened = await PatchAsync(seeded.Client, unlocked, new JsonObject { ["archived"] = false });
        var refused = await PatchAsync(seeded.Client, locked, new JsonObject { ["archived"] = false });

        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal(50013, await Seeded.CodeOf(refused));
        Assert.True(state.Channel(locked)!.Thread!.Archived);
    }

    [SkippableFact]
    public async Task Posting_reopens_an_archived_thread_but_a_locked_one_only_for_manage_threads()
    {
        await using var seeded = await Seeded.StartAsync();
        var thread = await seeded.CreateThreadAsync(ChannelType.PrivateThread);
        seeded.GrantBot(Permissions.ManageThreads);
        await PatchAsync(seeded.Client, thread, new JsonObject { ["archived"] = true, ["locked"] = true });
        seeded.Emulator.State.SetMemberRoles(seeded.Guild.Id, seeded.Emulator.Bot.ApplicationId);

        var refused = await seeded.PostMessageAsync(thread, new JsonObject { ["content"] = "still there?" });
        seeded.GrantBot(Permissions.ManageThreads);
        var posted = await seeded.PostMessageAsync(thread, new JsonObject { ["content"] = "reopened by staff" });

        Assert.Equal(50083, await Seeded.CodeOf(refused));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.False(seeded.Emulator.State.Channel(thread)!.Thread!.Archived);
    }

    [SkippableFact]
    public async Task Only_the_bots_own_messages_can_be_edited()
    {
        await using var seeded = await Seeded.StartAsync();
        var theirs = seeded.Emulator.State.PostUserMessage(seeded.Channel.Id, seeded.Member.Id, "mine");

        var response = await seeded.Client.PatchAsJsonAsync($"channels/{seeded.Channel.Id}/messages/{theirs.Id}", new JsonObject { ["content"] = "edited" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(50005, await Seeded.CodeOf(response));
        Assert.Equal("mine", seeded.Emulator.State.Message(seeded.Channel.Id, theirs.Id)!.Content);
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, ulong channelId, JsonObject body) =>
        client.PatchAsJsonAsync($"channels/{channelId}", body);
}
