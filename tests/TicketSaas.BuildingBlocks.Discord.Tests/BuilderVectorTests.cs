using System.Text.Json;
using TicketSaas.BuildingBlocks.Discord.Builders;
using TicketSaas.BuildingBlocks.Discord.Entities;
using TicketSaas.BuildingBlocks.Discord.Tests.Support;
using TicketSaas.Testing;

namespace TicketSaas.BuildingBlocks.Discord.Tests;

/// <summary>What the builders produce equals Discord's own request examples (shared/discord/vectors), field for field.</summary>
public sealed class BuilderVectorTests
{
    private static string Vector(string path) => SharedData.ReadText($"discord/vectors/{path}");

    /// <summary>Builder output equals the vector, and the vector reads back into the payload type with nothing unmapped.</summary>
    private static void AssertRoundTrip<TPayload>(string vectorPath, TPayload built)
    {
        var json = Vector(vectorPath);
        JsonAssert.Equivalent(StrictJson.Expected(json), StrictJson.Serialize(built));
        JsonAssert.Equivalent(StrictJson.Expected(json), StrictJson.Serialize(StrictJson.Parse<TPayload>(json)));
    }

    [SkippableFact]
    public void Create_message_with_an_embed()
    {
        var message = new DiscordMessageBuilder()
            .WithContent("Hello, World!")
            .WithTts(false)
            .AddEmbed(new DiscordEmbedBuilder().WithTitle("Hello, Embed!").WithDescription("This is an embedded message.").Build())
            .WithAllowedMentions(null);

        AssertRoundTrip("rest/create-message-embed.json", message.ToPayload());
    }

    [SkippableFact]
    public void Create_message_with_legacy_components()
    {
        var message = new DiscordMessageBuilder()
            .WithContent("This is a message with legacy components")
            .AddActionRow(DiscordButton.Create(ButtonStyle.Primary, "click_me_1", "Click Me"))
            .WithAllowedMentions(null);

        AssertRoundTrip("rest/create-message-legacy-components.json", message.ToPayload());
    }

    [SkippableFact]
    public void Create_message_with_an_action_row_of_buttons()
    {
        var message = new DiscordMessageBuilder()
            .WithFlags(MessageFlags.IsComponentsV2)
            .AddActionRow(
                DiscordButton.Create(ButtonStyle.Primary, "click_yes", "Accept"),
                DiscordButton.Link("http://watchanimeattheoffice.com/", "Learn More"),
                DiscordButton.Create(ButtonStyle.Danger, "click_no", "Decline"))
            .WithAllowedMentions(null);

        AssertRoundTrip("rest/create-message-action-row-v2.json", message.ToPayload());
    }

    [SkippableFact]
    public void Create_message_with_a_string_select()
    {
        var select = new DiscordStringSelect
        {
            Id = 2,
            CustomId = "favorite_bug",
            Placeholder = "Favorite bug?",
            Options = BugOptions(),
        };
        var message = new DiscordMessageBuilder()
            .WithFlags(MessageFlags.IsComponentsV2)
            .AddActionRow(new DiscordActionRow { Id = 1, Components = [select] })
            .WithAllowedMentions(null);

        AssertRoundTrip("rest/create-message-string-select-v2.json", message.ToPayload());
    }

    [SkippableFact]
    public void Create_message_with_a_channel_select()
    {
        var message = new DiscordMessageBuilder()
            .WithFlags(MessageFlags.IsComponentsV2)
            .AddActionRow(new DiscordChannelSelect
            {
                CustomId = "notification_channel",
                ChannelTypes = [ChannelType.GuildText],
                Placeholder = "Which text channel?",
            })
            .WithAllowedMentions(null);

        AssertRoundTrip("rest/create-message-channel-select-v2.json", message.ToPayload());
    }

    [SkippableFact]
    public void Create_message_with_a_role_select()
    {
        var message = new DiscordMessageBuilder()
            .WithFlags(MessageFlags.IsComponentsV2)
            .AddActionRow(new DiscordRoleSelect { CustomId = "role_ids", Placeholder = "Which roles?", MinValues = 1, MaxValues = 3 })
            .WithAllowedMentions(null);

        AssertRoundTrip("rest/create-message-role-select-v2.json", message.ToPayload());
    }

    [SkippableFact]
    public void Modal_response_with_labels()
    {
        var modal = new DiscordModalBuilder("bug_modal", "Bug Report")
            .AddLabel("What's your favorite bug?", new DiscordStringSelect
            {
                CustomId = "bug_string_select",
                Placeholder = "Choose...",
                Options = BugOptions(),
            })
            .AddLabel("Why is it your favorite?", new DiscordTextInput
            {
                CustomId = "bug_explanation",
                Style = TextInputStyle.Paragraph,
                MinLength = 1000,
                MaxLength = 4000,
                Placeholder = "Write your explanation here...",
                Required = true,
            }, description: "Please provide as much detail as possible!");

        AssertRoundTrip("interactions/response-modal-label.json", DiscordInteractionResponse.Modal(modal).ToPayload());
    }

    [SkippableFact]
    public void Modal_response_in_the_legacy_action_row_shape()
    {
        var modal = new DiscordModalBuilder("cool_modal", "My Cool Modal")
            .AddTextInputRow(new DiscordTextInput
            {
                CustomId = "name",
                Label = "Name",
                Style = TextInputStyle.Short,
                MinLength = 1,
                MaxLength = 4000,
                Placeholder = "John",
                Required = true,
            });

        AssertRoundTrip("interactions/response-modal-actionrow-legacy.json", DiscordInteractionResponse.Modal(modal).ToPayload());
    }

    [Fact]
    public void Other_interaction_responses_have_their_types_and_data()
    {
        static string Json(DiscordInteractionResponse response) =>
            JsonSerializer.Serialize(response.ToPayload(), DiscordJson.Options);

        Assert.Equal("""{"type":1}""", Json(DiscordInteractionResponse.Pong));
        Assert.Equal("""{"type":6}""", Json(DiscordInteractionResponse.DeferredUpdate));
        Assert.Equal("""{"type":5,"data":{"flags":64}}""", Json(DiscordInteractionResponse.DeferredReply(ephemeral: true)));
        Assert.Equal("""{"type":5}""", Json(DiscordInteractionResponse.DeferredReply(ephemeral: false)));
        Assert.Equal("""{"type":4,"data":{"content":"Done","flags":64,"allowed_mentions":{"parse":[]}}}""",
            Json(DiscordInteractionResponse.Reply(new DiscordMessageBuilder().WithContent("Done").AsEphemeral())));
        Assert.Equal("""{"type":7,"data":{"content":"Claimed","allowed_mentions":{"parse":[]}}}""",
            Json(DiscordInteractionResponse.UpdateMessage(new DiscordMessageBuilder().WithContent("Claimed"))));
    }

    private static DiscordSelectOption[] BugOptions() =>
    [
        new() { Label = "Ant", Value = "ant", Description = "(best option)", Emoji = new DiscordEmoji { Name = "🐜" } },
        new() { Label = "Butterfly", Value = "butterfly", Emoji = new DiscordEmoji { Name = "🦋" } },
        new() { Label = "Caterpillar", Value = "caterpillar", Emoji = new DiscordEmoji { Name = "🐛" } },
    ];
}
