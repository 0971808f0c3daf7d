using System.Net;
using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.State;
using Xunit;

namespace TicketSaas.Discord.Emulator.Tests;

public class MentionTests
{
    [SkippableFact]
    public async Task Mentioned_users_who_can_see_the_parent_join_a_private_thread()
    {
        await using var seeded = await Seeded.StartAsync();
        var state = seeded.Emulator.State;
        var blind = state.AddUser("blind");
        var stranger = state.AddUser("stranger");
        state.AddMember(seeded.Guild.Id, blind.Id);
        state.SetPermissionOverwrite(seeded.Channel.Id, blind.Id, OverwriteType.Member, 0, Permissions.ViewChannel);
        var thread = await seeded.CreateThreadAsync(ChannelType.PrivateThread);

        var response = await seeded.PostMessageAsync(thread, new JsonObject { ["content"] = $"<@!{seeded.Member.Id}> <@{blind.Id}> <@{stranger.Id}>" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new[] { seeded.Emulator.Bot.ApplicationId, seeded.Member.Id }.Order(), state.ThreadMembers(thread));
    }

    [SkippableFact]
    public async Task A_role_mention_brings_in_its_holders_only_when_the_role_is_mentionable_or_the_author_may_mention_everyone()
    {
        await using var seeded = await Seeded.StartAsync();
        var state = seeded.Emulator.State;
        var (open, closed) = (state.AddRole(seeded.Guild.Id, "Support", mentionable: true), state.AddRole(seeded.Guild.Id, "Admins"));
        var (helper, admin) = (state.AddUser("helper"), state.AddUser("admin"));
        state.AddMember(seeded.Guild.Id, helper.Id, open.Id);
        state.AddMember(seeded.Guild.Id, admin.Id, closed.Id);
        var thread = await seeded.CreateThreadAsync(ChannelType.PrivateThread);
        await seeded.Client.PutAsync($"channels/{thread}/thread-members/{seeded.Member.Id}", null);
        state.SetPermissionOverwrite(seeded.Channel.Id, seeded.Member.Id, OverwriteType.Member, 0, Permissions.MentionEveryone);

        var message = state.PostUserMessage(thread, seeded.Member.Id, $"<@&{open.Id}> <@&{closed.Id}> help");
        var byAnyone = state.ThreadMembers(thread);
        state.PostUserMessage(thread, seeded.Owner.Id, $"<@&{closed.Id}> have a look");

        Assert.Equal([open.Id], message.MentionRoleIds);
        Assert.Equal(new[] { seeded.Emulator.Bot.ApplicationId, seeded.Member.Id, helper.Id }.Order(), byAnyone);
        Assert.Contains(admin.Id, state.ThreadMembers(thread));
        Assert.DoesNotContain(seeded.Owner.Id, state.ThreadMembers(thread));
    }

    [SkippableFact]
    public async Task Only_mentions_that_allowed_mentions_lets_through_bring_people_in()
    {
        await using var seeded = await Seeded.StartAsync();
        var state = seeded.Emulator.State;
        var support = state.AddRole(seeded.Guild.Id, "Support", mentionable: true);
        var (listed, unlisted, helper) = (seeded.Member, state.AddUser("unlisted"), state.AddUser("helper"));
        state.AddMember(seeded.Guild.Id, unlisted.Id);
        state.AddMember(seeded.Guild.Id, helper.Id, support.Id);
        var thread = await seeded.CreateThreadAsync(ChannelType.PrivateThread);
        var content = $"<@{listed.Id}> <@{unlisted.Id}> <@&{support.Id}>";

        var sent = await Seeded.JsonOf(await seeded.PostMessageAsync(thread, new JsonObject
        {
            ["content"] = content,
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray(), ["users"] = new JsonArray(listed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) },
        }));
        var afterUserList = state.ThreadMembers(thread);
        await seeded.PostMessageAsync(thread, new JsonObject { ["content"] = content, ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray("roles") } });

        Assert.Equal([listed.Id], sent["mentions"]!.AsArray().Select(u => Seeded.IdOf(u!)));
        Assert.Empty(sent["mention_roles"]!.AsArray());
        Assert.Equal(new[] { seeded.Emulator.Bot.ApplicationId, listed.Id }.Order(), afterUserList);
        Assert.Equal(new[] { seeded.Emulator.Bot.ApplicationId, listed.Id, helper.Id }.Order(), state.ThreadMembers(thread));
    }

    [SkippableFact]
    public async Task Parsing_users_and_listing_users_together_is_refused()
    {
        await using var seeded = await Seeded.StartAsync();

        var response = await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject
        {
            ["content"] = $"<@{seeded.Member.Id}>",
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray("users"), ["users"] = new JsonArray(seeded.Member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE", (await Seeded.JsonOf(response))["errors"]!["allowed_mentions"]!["_errors"]![0]!["code"]!.GetValue<string>());
        Assert.Empty(seeded.Emulator.State.Messages(seeded.Channel.Id));
    }

    [SkippableFact]
    public async Task Mentions_in_a_public_thread_add_nobody()
    {
        await using var seeded = await Seeded.StartAsync();
        var thread = await seeded.CreateThreadAsync(ChannelType.PublicThread);

        await seeded.PostMessageAsync(thread, new JsonObject { ["content"] = $"<@{seeded.Member.Id}>" });

        Assert.Equal([seeded.Emulator.Bot.ApplicationId], seeded.Emulator.State.ThreadMembers(thread));
    }

    [SkippableFact]
    public async Task An_interaction_reply_parses_only_user_mentions_unless_told_otherwise()
    {
        await using var seeded = await Seeded.StartAsync();
        var state = seeded.Emulator.State;
        var support = state.AddRole(seeded.Guild.Id, "Support", mentionable: true);
        var helper = state.AddUser("helper");
        state.AddMember(seeded.Guild.Id, helper.Id, support.Id);
        var thread = await seeded.CreateThreadAsync(ChannelType.PrivateThread);
        await seeded.Client.PutAsync($"channels/{thread}/thread-members/{seeded.Owner.Id}", null);
        await using var endpoint = await LoopbackEndpoint.StartAsync(seeded.Emulator.PublicKeyHex,
            _ => new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = $"<@{seeded.Member.Id}> <@&{support.Id}> will help" } });
        seeded.Emulator.Interactions.Endpoint = endpoint.Uri;
        var panel = Seeded.IdOf(await Seeded.JsonOf(await seeded.PostMessageAsync(thread, new JsonObject { ["content"] = "Claim" })));

        var delivery = await seeded.Emulator.Interactions.ClickButtonAsync(thread, panel, seeded.Owner.Id, "claim");

        var reply = state.Message(thread, delivery.Interaction.OriginalMessageId!.Value)!;
        Assert.Empty(reply.MentionRoleIds);
        Assert.Equal(new[] { seeded.Emulator.Bot.ApplicationId, seeded.Owner.Id, seeded.Member.Id }.Order(), state.ThreadMembers(thread));
    }
}
