using TicketSaas.BuildingBlocks.Discord.Builders;
using TicketSaas.BuildingBlocks.Discord.Entities;

namespace TicketSaas.BuildingBlocks.Discord.Tests;

/// <summary>Each of Discord's limits is refused while building, with a message naming the limit.</summary>
public sealed class BuilderLimitTests
{
    private static DiscordButton Button(string id = "b") => DiscordButton.Create(ButtonStyle.Primary, id, "Open");

    private static void AssertLimit(string message, Action build)
    {
        var error = Assert.Throws<DiscordLimitException>(build);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Message_content_up_to_2000_characters()
    {
        new DiscordMessageBuilder().WithContent(new string('a', 2000));
        AssertLimit("Message content is 2001 characters long; Discord allows at most 2000.",
            () => new DiscordMessageBuilder().WithContent(new string('a', 2001)));
    }

    [Fact]
    public void Five_action_rows_per_message()
    {
        var message = new DiscordMessageBuilder();
        for (var row = 0; row < 5; row++)
        {
            message.AddActionRow(Button($"b{row}"));
        }

        AssertLimit("A message has 6 action rows; Discord allows at most 5.", () => message.AddActionRow(Button()));
    }

    [Fact]
    public void Five_buttons_per_row()
    {
        new DiscordMessageBuilder().AddActionRow([.. Enumerable.Range(0, 5).Select(i => Button($"b{i}"))]);
        AssertLimit("An action row has 6 components; Discord allows at most 5.",
            () => new DiscordMessageBuilder().AddActionRow([.. Enumerable.Range(0, 6).Select(i => Button($"b{i}"))]));
    }

    [Fact]
    public void A_select_menu_fills_its_row() =>
        AssertLimit("An action row with a select menu must hold nothing else.",
            () => new DiscordMessageBuilder().AddActionRow(Button(), new DiscordRoleSelect { CustomId = "roles" }));

    [Fact]
    public void Custom_id_up_to_100_characters()
    {
        new DiscordMessageBuilder().AddActionRow(Button(new string('x', 100)));
        AssertLimit("Button custom_id is 101 characters long; Discord allows at most 100.",
            () => new DiscordMessageBuilder().AddActionRow(Button(new string('x', 101))));
        AssertLimit("Button custom_id must not be empty.", () => new DiscordMessageBuilder().AddActionRow(Button("")));
    }

    [Fact]
    public void Button_label_up_to_80_characters()
    {
        new DiscordMessageBuilder().AddActionRow(DiscordButton.Create(ButtonStyle.Success, "ok", new string('l', 80)));
        AssertLimit("Button label is 81 characters long; Discord allows at most 80.",
            () => new DiscordMessageBuilder().AddActionRow(DiscordButton.Create(ButtonStyle.Success, "ok", new string('l', 81))));
    }

    [Fact]
    public void Link_buttons_have_a_url_and_no_custom_id()
    {
        AssertLimit("A link button cannot have a custom_id.", () => new DiscordMessageBuilder().AddActionRow(
            new DiscordButton { Style = ButtonStyle.Link, Url = "https://example.org", CustomId = "x", Label = "Go" }));
        AssertLimit("Link button url must not be empty.", () => new DiscordMessageBuilder().AddActionRow(
            new DiscordButton { Style = ButtonStyle.Link, Label = "Go" }));
    }

    [Fact]
    public void Twenty_five_select_options()
    {
        static DiscordStringSelect Select(int options) => new()
        {
            CustomId = "category",
            Options = [.. Enumerable.Range(0, options).Select(i => new DiscordSelectOption { Label = $"L{i}", Value = $"v{i}" })],
        };

        new DiscordMessageBuilder().AddActionRow(Select(25));
        AssertLimit("A string select has 26 options; Discord allows at most 25.", () => new DiscordMessageBuilder().AddActionRow(Select(26)));
        AssertLimit("A string select has 0 options; Discord needs at least 1.", () => new DiscordMessageBuilder().AddActionRow(Select(0)));
    }

    [Fact]
    public void Select_values_between_0_and_25()
    {
        AssertLimit("Select max_values is 26; Discord allows 1 to 25.",
            () => new DiscordMessageBuilder().AddActionRow(new DiscordUserSelect { CustomId = "u", MaxValues = 26 }));
        AssertLimit("Select min_values (3) is greater than max_values (2).",
            () => new DiscordMessageBuilder().AddActionRow(new DiscordUserSelect { CustomId = "u", MinValues = 3, MaxValues = 2 }));
    }

    [Fact]
    public void Ten_embeds_per_message()
    {
        var message = new DiscordMessageBuilder();
        for (var embed = 0; embed < 10; embed++)
        {
            message.AddEmbed(new DiscordEmbedBuilder().WithTitle("t").Build());
        }

        AssertLimit("A message has 11 embeds; Discord allows at most 10.", () => message.AddEmbed(new DiscordEmbedBuilder().Build()));
    }

    [Fact]
    public void Six_thousand_embed_characters_per_message()
    {
        var message = new DiscordMessageBuilder()
            .AddEmbed(new DiscordEmbedBuilder().WithDescription(new string('d', 4000)).Build())
            .AddEmbed(new DiscordEmbedBuilder().WithDescription(new string('d', 2000)).Build());
        message.ToPayload();

        message.AddEmbed(new DiscordEmbedBuilder().WithTitle("x").Build());
        AssertLimit("A message has 6001 embed characters; Discord allows at most 6000.", () => message.ToPayload());
    }

    [Fact]
    public void Embed_fields_and_texts()
    {
        AssertLimit("Embed title is 257 characters long; Discord allows at most 256.", () => new DiscordEmbedBuilder().WithTitle(new string('t', 257)));
        AssertLimit("Embed description is 4097 characters long; Discord allows at most 4096.",
            () => new DiscordEmbedBuilder().WithDescription(new string('d', 4097)));
        AssertLimit("Embed field value is 1025 characters long; Discord allows at most 1024.",
            () => new DiscordEmbedBuilder().AddField("n", new string('v', 1025)));
        AssertLimit("Embed color is 16777216; Discord allows 0 to 16777215.", () => new DiscordEmbedBuilder().WithColor(0x1000000));

        var embed = new DiscordEmbedBuilder();
        for (var field = 0; field < 25; field++)
        {
            embed.AddField($"n{field}", "v");
        }

        AssertLimit("An embed has 26 fields; Discord allows at most 25.", () => embed.AddField("n", "v"));
        AssertLimit("An embed has 6001 characters; Discord allows at most 6000.", () => new DiscordEmbedBuilder()
            .WithDescription(new string('d', 4096)).AddField("n", new string('v', 1024)).AddField("n", new string('v', 879)).Build());
    }

    [Fact]
    public void Modal_title_up_to_45_characters()
    {
        _ = new DiscordModalBuilder("m", new string('t', 45));
        AssertLimit("Modal title is 46 characters long; Discord allows at most 45.", () => new DiscordModalBuilder("m", new string('t', 46)));
    }

    [Fact]
    public void Five_components_in_a_modal()
    {
        var modal = new DiscordModalBuilder("m", "Form");
        AssertLimit("A modal has 0 components; Discord needs at least 1.", () => modal.ToPayload());
        for (var field = 0; field < 5; field++)
        {
            modal.AddLabel($"Q{field}", TextInput($"q{field}"));
        }

        AssertLimit("A modal has 6 components; Discord allows at most 5.", () => modal.AddLabel("Q", TextInput("q")));
    }

    [Fact]
    public void Modal_labels_up_to_45_characters()
    {
        AssertLimit("Modal label is 46 characters long; Discord allows at most 45.",
            () => new DiscordModalBuilder("m", "Form").AddLabel(new string('l', 46), TextInput("q")));
        AssertLimit("Text input label is 46 characters long; Discord allows at most 45.",
            () => new DiscordModalBuilder("m", "Form").AddTextInputRow(new DiscordTextInput { CustomId = "q", Style = TextInputStyle.Short, Label = new string('l', 46) }));
    }

    [Fact]
    public void Text_input_value_up_to_4000_characters()
    {
        new DiscordModalBuilder("m", "Form").AddLabel("Q", new DiscordTextInput { CustomId = "q", Style = TextInputStyle.Short, Value = new string('v', 4000) });
        AssertLimit("Text input value is 4001 characters long; Discord allows at most 4000.",
            () => new DiscordModalBuilder("m", "Form").AddLabel("Q", new DiscordTextInput { CustomId = "q", Style = TextInputStyle.Short, Value = new string('v', 4001) }));
        AssertLimit("Text input max_length is 4001; Discord allows 1 to 4000.",
            () => new DiscordModalBuilder("m", "Form").AddLabel("Q", new DiscordTextInput { CustomId = "q", Style = TextInputStyle.Short, MaxLength = 4001 }));
    }

    [Fact]
    public void Buttons_do_not_go_in_modals() =>
        AssertLimit("A modal label must hold a text input, a select menu or a file upload.",
            () => new DiscordModalBuilder("m", "Form").AddLabel("Q", Button()));

    private static DiscordTextInput TextInput(string id) => new() { CustomId = id, Style = TextInputStyle.Short };
}
