using System.Text.Json.Nodes;
using TicketSaas.BuildingBlocks.Discord;
using TicketSaas.BuildingBlocks.Discord.Builders;
using TicketSaas.BuildingBlocks.Discord.Entities;
using TicketSaas.BuildingBlocks.Discord.Gateway;
using TicketSaas.BuildingBlocks.Discord.Interactions;
using TicketSaas.Discord.Emulator.Interactions;
using TicketSaas.Testing;

namespace TicketSaas.Discord.GatewayTests;

/// <summary>Dispatches arrive typed: from emulated state changes, from Discord's example payloads, and interactions.</summary>
public sealed class DispatchTests
{
    [Fact]
    public async Task Guild_message_and_thread_changes_arrive_typed_with_their_guild_and_shard()
    {
        await using var scene = await GatewayScene.StartAsync();
        scene.StartClient();
        var guild = (await scene.Events.WaitForAsync<GuildAvailable>()).Guild;
        Assert.Equal(("Support", scene.Channel.Id), (guild.Name, Assert.Single(guild.Channels!).Id));

        var thread = await scene.Rest.CreatePrivateThreadAsync(scene.Channel.Id, "ticket-0001", ThreadAutoArchiveDuration.OneDay);
        await scene.Rest.CreateMessageAsync(thread.Id, new DiscordMessageBuilder().WithContent("How can we help?"));
        await scene.Rest.ArchiveThreadAsync(thread.Id, locked: true);

        var message = await scene.Events.WaitForAsync<MessageCreated>();
        Assert.Equal(("How can we help?", thread.Id, scene.Guild.Id, 0), (message.Message.Content, message.Message.ChannelId, message.GuildId, message.Shard));
        var update = await scene.Events.WaitForAsync<ThreadUpdated>();
        Assert.Equal((thread.Id, true, true), (update.Thread.Id, update.Thread.ThreadMetadata!.Archived, update.Thread.ThreadMetadata.Locked));
        Assert.Equal(scene.Guild.Id, update.GuildId);
    }

    [Fact]
    public async Task Discords_example_dispatches_are_read_into_their_types()
    {
        await using var scene = await GatewayScene.StartAsync();
        scene.StartClient();
        await scene.Events.WaitForAsync<GuildAvailable>();

        scene.Gateway.Dispatch("THREAD_UPDATE", Vector("thread-update-dispatch-ASSEMBLED.json"));
        scene.Gateway.Dispatch("THREAD_DELETE", Vector("thread-delete-dispatch-ASSEMBLED.json"));
        scene.Gateway.Dispatch("GUILD_DELETE", (JsonObject)JsonNode.Parse(SharedData.ReadText("discord/vectors/gateway/guild-unavailable.json"))!);
        var channel = JsonNode.Parse(SharedData.ReadText("discord/vectors/resources/guild-text-channel.json"))!.AsObject();
        scene.Gateway.Dispatch("CHANNEL_UPDATE", (JsonObject)channel.DeepClone());
        scene.Gateway.Dispatch("CHANNEL_DELETE", channel);
        var member = JsonNode.Parse(SharedData.ReadText("discord/vectors/resources/guild-member.json"))!.AsObject();
        member["guild_id"] = "41771983423143937";
        member["user"] = JsonNode.Parse(SharedData.ReadText("discord/vectors/resources/user.json"));
        scene.Gateway.Dispatch("GUILD_MEMBER_UPDATE", member);

        var updated = await scene.Events.WaitForAsync<ThreadUpdated>();
        Assert.Equal(("ticket-0001", ChannelType.PrivateThread, true), (updated.Thread.Name, updated.Thread.Type, updated.Thread.ThreadMetadata!.Locked));
        var deleted = await scene.Events.WaitForAsync<ThreadDeleted>();
        Assert.Equal((41771983423143937UL, 41771983423143937UL), (deleted.Thread.Id, deleted.GuildId!.Value));
        var removed = await scene.Events.WaitForAsync<GuildRemoved>();
        Assert.True(removed.Unavailable);
        Assert.Equal(41771983423143937UL, removed.GuildId);
        Assert.Equal(ChannelType.GuildText, (await scene.Events.WaitForAsync<ChannelUpdated>()).Channel.Type);
        await scene.Events.WaitForAsync<ChannelDeleted>();
        var memberUpdate = await scene.Events.WaitForAsync<GuildMemberUpdated>();
        Assert.NotNull(memberUpdate.Member.User);
        Assert.Equal(41771983423143937UL, memberUpdate.GuildId);
    }

    [Fact]
    public async Task Interactions_over_the_gateway_raise_the_same_events_as_over_http_and_are_answered_by_rest()
    {
        await using var scene = await GatewayScene.StartAsync();
        scene.StartClient();
        await scene.Events.WaitForAsync<GuildAvailable>();
        var panel = await scene.Rest.CreateMessageAsync(scene.Channel.Id, new DiscordMessageBuilder().WithContent("Open a ticket"));
        scene.Emulator.Interactions.Transport = InteractionTransport.Gateway;

        var delivery = await scene.Emulator.Interactions.ClickButtonAsync(scene.Channel.Id, panel.Id, scene.Owner.Id, "ticket:open");

        var click = Assert.IsType<ComponentInteractionCreated>((await scene.Events.WaitForAsync<InteractionDispatched>()).Interaction);
        Assert.Equal(("ticket:open", panel.Id), (click.CustomId, click.Message!.Id));
        await scene.Rest.CreateInteractionResponseAsync(click.Interaction.Id, click.Interaction.Token,
            DiscordInteractionResponse.DeferredUpdate);
        Assert.NotNull(scene.Emulator.State.Interaction(delivery.Interaction.Id)!.AnsweredAt);
    }

    [Fact]
    public async Task Deleted_threads_and_channels_arrive_as_their_delete_events()
    {
        await using var scene = await GatewayScene.StartAsync();
        scene.StartClient();
        await scene.Events.WaitForAsync<GuildAvailable>();
        var thread = await scene.Rest.CreatePrivateThreadAsync(scene.Channel.Id, "ticket-0002", ThreadAutoArchiveDuration.OneDay);
        var category = scene.Emulator.State.AddCategory(scene.Guild.Id, "Archive");

        await scene.Rest.DeleteChannelAsync(thread.Id);
        scene.Emulator.State.DeleteChannel(category.Id);

        var deleted = await scene.Events.WaitForAsync<ThreadDeleted>();
        Assert.Equal((thread.Id, scene.Channel.Id, ChannelType.PrivateThread), (deleted.Thread.Id, deleted.Thread.ParentId, deleted.Thread.Type));
        Assert.Equal(scene.Guild.Id, deleted.GuildId);
        var removed = await scene.Events.WaitForAsync<ChannelDeleted>();
        Assert.Equal((category.Id, ChannelType.GuildCategory, "Archive"), (removed.Channel.Id, removed.Channel.Type, removed.Channel.Name));
    }

    [Fact]
    public async Task A_slash_command_over_the_gateway_arrives_with_its_subcommand_options_and_resolved_user()
    {
        await using var scene = await GatewayScene.StartAsync();
        scene.StartClient();
        await scene.Events.WaitForAsync<GuildAvailable>();
        var member = scene.Emulator.State.AddUser("nelly");
        scene.Emulator.State.AddMember(scene.Guild.Id, member.Id);
        var registered = await scene.Rest.BulkOverwriteGuildCommandsAsync(scene.Emulator.Bot.ApplicationId, scene.Guild.Id,
        [
            new DiscordApplicationCommand
            {
                Name = "blocklist",
                Description = "Who may not open tickets",
                DefaultMemberPermissions = Permissions.ManageGuild,
                Options =
                [
                    new DiscordApplicationCommandOption
                    {
                        Type = ApplicationCommandOptionType.SubCommand,
                        Name = "add",
                        Description = "Block a member",
                        Options =
                        [
                            new DiscordApplicationCommandOption { Type = ApplicationCommandOptionType.User, Name = "member", Description = "Who", Required = true },
                            new DiscordApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "reason", Description = "Why", MaxLength = 200 },
                        ],
                    },
                ],
            },
        ]);
        scene.Emulator.Interactions.Transport = InteractionTransport.Gateway;

        await scene.Emulator.Interactions.InvokeCommandAsync(scene.Channel.Id, scene.Owner.Id, "blocklist", "add",
            [new CommandOptionValue("member", CommandOptionType.User, member.Id), new CommandOptionValue("reason", CommandOptionType.String, "spam")]);

        var command = Assert.IsType<SlashCommandInvoked>((await scene.Events.WaitForAsync<InteractionDispatched>()).Interaction);
        Assert.Equal(("blocklist", "add", registered[0].Id), (command.CommandName, command.Subcommand, command.Interaction.Data!.CommandId));
        Assert.Equal((member.Id, "nelly", "spam"), (command.Snowflake("member"), command.User("member")!.Username, command.String("reason")));
        Assert.Empty(command.Interaction.Data.Resolved!.Members![member.Id].Roles);
        Assert.Equal(scene.Owner.Id, command.Interaction.Invoker!.Id);
    }

    [Fact]
    public async Task Without_message_content_messages_arrive_empty_unless_they_mention_the_bot()
    {
        await using var scene = await GatewayScene.StartAsync(options => options.HasMessageContentIntent = false);
        scene.StartClient(options => options.Intents = GatewayIntents.TicketSaas & ~GatewayIntents.MessageContent);
        await scene.Events.WaitForAsync<GuildAvailable>();

        scene.Emulator.State.PostUserMessage(scene.Channel.Id, scene.Owner.Id, "my printer is on fire");
        scene.Emulator.State.PostUserMessage(scene.Channel.Id, scene.Owner.Id, $"<@{scene.Emulator.Bot.ApplicationId}> help");
        await scene.Events.WaitForCountAsync<MessageCreated>(2);

        Assert.Equal(["", $"<@{scene.Emulator.Bot.ApplicationId}> help"], scene.Events.Of<MessageCreated>().Select(m => m.Message.Content));
    }

    private static JsonObject Vector(string file) =>
        JsonNode.Parse(SharedData.ReadText($"discord/vectors/gateway/{file}"))!["d"]!.AsObject();
}
