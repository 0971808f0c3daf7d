using System.Text;
using System.Text.Json;
using TicketSaas.BuildingBlocks.Discord.Entities;
using TicketSaas.BuildingBlocks.Discord.Interactions;
using TicketSaas.BuildingBlocks.Discord.Tests.Support;
using TicketSaas.Testing;

namespace TicketSaas.BuildingBlocks.Discord.Tests;

/// <summary>Official interaction payloads (shared/discord/vectors/interactions) parsed into typed events.</summary>
public sealed class InteractionVectorTests
{
    private static string Vector(string file) => SharedData.ReadText($"discord/vectors/interactions/{file}");

    private static InteractionCreated ParseEvent(string json)
    {
        // Strict first: every field is modelled or deliberately ignored; then the production parser.
        StrictJson.Parse<DiscordInteraction>(json);
        return InteractionCreated.Parse(Encoding.UTF8.GetBytes(json));
    }

    [SkippableFact]
    public void Ping_json_is_a_ping()
    {
        var json = Vector("ping.json");
        var created = ParseEvent(json);

        Assert.Equal(typeof(InteractionCreated), created.GetType());
        Assert.Equal(InteractionType.Ping, created.Interaction.Type);
        Assert.Equal(847587388497854464UL, created.Interaction.Id);
        Assert.Equal(Permissions.None, created.Interaction.AppPermissions);
        JsonAssert.Equivalent(StrictJson.Expected(json), StrictJson.Serialize(created.Interaction));
    }

    [SkippableFact]
    public void Button_click_json_is_a_component_interaction()
    {
        var json = Vector("button-click.json");
        var click = Assert.IsType<ComponentInteractionCreated>(ParseEvent(json));

        Assert.Equal("click_one", click.CustomId);
        Assert.Equal(ComponentType.Button, click.ComponentType);
        Assert.Empty(click.Values);
        Assert.Equal(53908232506183680UL, click.Interaction.Invoker!.Id);
        Assert.Equal("unique_interaction_token", click.Interaction.Token);
        Assert.True(click.Interaction.Member!.Permissions!.Value.Grants(Permissions.Administrator));
        var row = Assert.IsType<DiscordActionRow>(Assert.Single(click.Message!.Components!));
        var button = Assert.IsType<DiscordButton>(Assert.Single(row.Components));
        Assert.Equal(("click_one", ButtonStyle.Primary, "Click me!"), (button.CustomId, button.Style, button.Label));
        JsonAssert.Equivalent(StrictJson.Expected(json, StrictJson.IgnoredFieldsOf(typeof(DiscordMember))),
            StrictJson.Serialize(click.Interaction));
    }

    [SkippableFact]
    public void String_select_json_carries_the_chosen_values()
    {
        var json = Vector("string-select.json");
        var select = Assert.IsType<ComponentInteractionCreated>(ParseEvent(json));

        Assert.Equal("class_select_1", select.CustomId);
        Assert.Equal(ComponentType.StringSelect, select.ComponentType);
        Assert.Equal(["mage", "rogue"], select.Values);
        Assert.Equal(20, select.Message!.Type);
        var menu = Assert.IsType<DiscordStringSelect>(Assert.IsType<DiscordActionRow>(select.Message.Components![0]).Components[0]);
        Assert.Equal(625891304148303894UL, menu.Options![0].Emoji!.Id);
        JsonAssert.Equivalent(
            StrictJson.Expected(json, [.. StrictJson.IgnoredFieldsOf(typeof(DiscordMember)), "interaction"]),
            StrictJson.Serialize(select.Interaction));
    }

    [SkippableTheory]
    [InlineData("button-data.json", "click_me", ComponentType.Button)]
    [InlineData("string-select-data.json", "favorite_bug", ComponentType.StringSelect, "butterfly")]
    [InlineData("channel-select-data.json", "notification_channel", ComponentType.ChannelSelect, "333333333333333333")]
    [InlineData("role-select-data.json", "role_ids", ComponentType.RoleSelect, "222222222222222222")]
    public void Component_data_fragments_parse(string file, string customId, ComponentType type, params string[] values)
    {
        var json = Vector(file);
        var component = Assert.IsType<ComponentInteractionCreated>(ParseEvent(json));

        Assert.Equal(customId, component.CustomId);
        Assert.Equal(type, component.ComponentType);
        Assert.Equal(values, component.Values);
        Assert.Equal(file == "string-select-data.json" ? null : 2, component.Interaction.Data!.ComponentId);

        // Fragments hold only type and data; the envelope fields the adapter always writes are not in them.
        var expected = StrictJson.Expected(json, StrictJson.IgnoredFieldsOf(typeof(DiscordRole)));
        JsonAssert.Equivalent(expected["data"], StrictJson.Serialize(component.Interaction.Data));
    }

    [SkippableFact]
    public void Channel_select_data_resolves_the_channel()
    {
        var json = Vector("channel-select-data.json");
        var component = Assert.IsType<ComponentInteractionCreated>(ParseEvent(json));

        var channel = component.Interaction.Data!.Resolved!.Channels![333333333333333333UL];
        Assert.Equal(("playtesting", ChannelType.GuildText, 5555555555555555UL), (channel.Name, channel.Type, channel.ParentId));
        Assert.Equal((Permissions)4503599627370495UL, channel.Permissions);
    }

    [SkippableFact]
    public void Role_select_data_resolves_the_role()
    {
        var role = ParseEvent(Vector("role-select-data.json")).Interaction.Data!.Resolved!.Roles![222222222222222222UL];

        Assert.Equal(("Developer", 12745742, 2, true), (role.Name, role.Color, role.Position, role.Mentionable));
    }

    [SkippableFact]
    public void Old_channel_select_data_parses_as_interaction_data()
    {
        var json = Vector("channel-select-resolved-data-old.json");
        var data = StrictJson.Parse<DiscordInteractionData>(json);

        Assert.Equal(["986678954901234567"], data.Values);
        Assert.Equal("general", data.Resolved!.Channels![986678954901234567UL].Name);
        JsonAssert.Equivalent(StrictJson.Expected(json), StrictJson.Serialize(data));
    }

    [SkippableFact]
    public void Modal_submit_in_the_legacy_action_row_shape()
    {
        var json = Vector("modal-submit-actionrow.json");
        var modal = Assert.IsType<ModalSubmitted>(ParseEvent(json));

        Assert.Equal("cool_modal", modal.CustomId);
        Assert.Equal("John", Assert.Single(modal.Values, pair => pair.Key == "name").Value);
        Assert.Equal(772908445358620702UL, modal.Interaction.Channel!.Id);
        JsonAssert.Equivalent(StrictJson.Expected(json, StrictJson.IgnoredFieldsOf(typeof(DiscordMember))),
            StrictJson.Serialize(modal.Interaction));
    }

    [SkippableTheory]
    [InlineData("modal-submit-label-ASSEMBLED.json")]
    [InlineData("modal-submit-label-textinput-data.json")]
    public void Modal_submit_in_the_label_shape(string file)
    {
        var json = Vector(file);
        var modal = Assert.IsType<ModalSubmitted>(ParseEvent(json));

        Assert.Equal("game_feedback_modal", modal.CustomId);
        Assert.Equal("The recent changes to acceleration feel much better, but shadows still need help", modal.Values["game_feedback"]);
        JsonAssert.Equivalent(StrictJson.Expected(json)["data"], StrictJson.Serialize(modal.Interaction.Data));
    }

    [SkippableFact]
    public void Modal_submit_with_a_string_select_in_a_label()
    {
        var json = Vector("modal-submit-label-stringselect-data.json");
        var modal = Assert.IsType<ModalSubmitted>(ParseEvent(json));

        Assert.Equal(["butterfly"], modal.Choices["favorite_bug"]);
        JsonAssert.Equivalent(StrictJson.Expected(json)["data"], StrictJson.Serialize(modal.Interaction.Data));
    }

    /// <summary>
    /// The docs' file-upload example uses "111111111111111111111", 21 digits: more than a snowflake's 64 bits. We
    /// reject it as an id, then read the example with a 64-bit id in its place (in memory only).
    /// </summary>
    [SkippableFact]
    public void Modal_submit_with_a_file_upload()
    {
        var json = Vector("modal-submit-file-upload-data.json");
        var error = Assert.Throws<JsonException>(() => InteractionCreated.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Contains("Discord id", error.Message, StringComparison.Ordinal);

        var fitted = json.Replace("111111111111111111111", "111111111111111111", StringComparison.Ordinal);
        var modal = Assert.IsType<ModalSubmitted>(ParseEvent(fitted));
        Assert.Equal(["111111111111111111"], modal.Choices["file_upload"]);
        var file = modal.Interaction.Data!.Resolved!.Attachments![111111111111111111UL];
        Assert.Equal(("bug.png", "image/png", 241394L, true), (file.Filename, file.ContentType, file.Size, file.Ephemeral));
        JsonAssert.Equivalent(StrictJson.Expected(fitted, StrictJson.IgnoredFieldsOf(typeof(DiscordAttachment)))["data"],
            StrictJson.Serialize(modal.Interaction.Data));
    }

    [SkippableFact]
    public void Slash_command_is_a_slash_command_with_options()
    {
        var json = Vector("slash-command.json");
        var command = Assert.IsType<SlashCommandInvoked>(ParseEvent(json));

        Assert.Equal(("cardsearch", null), (command.CommandName, command.Subcommand));
        Assert.Equal(771825006014889984UL, command.Interaction.Data!.CommandId);
        Assert.Equal("The Gitrog Monster", command.String("cardname"));
        Assert.Equal((Permissions)442368UL, command.Interaction.AppPermissions);
        JsonAssert.Equivalent(StrictJson.Expected(json, StrictJson.IgnoredFieldsOf(typeof(DiscordMember))),
            StrictJson.Serialize(command.Interaction));
    }
}
