using TicketSaas.BuildingBlocks.Discord.Entities;

namespace TicketSaas.BuildingBlocks.Discord.Builders;

/// <summary>
/// Discord's payload limits (maxLength/maxItems in Discord's OpenAPI spec, and the developer docs where the spec
/// is looser than what a bot may send), checked while building so a bad payload never costs a request.
/// </summary>
public static class DiscordLimits
{
    /// <summary>The spec allows 4,000 for MessageCreateRequest (Nitro users); bots and interaction replies get 2,000.</summary>
    public const int MessageContent = 2000;
    public const int EmbedsPerMessage = 10;
    public const int EmbedCharactersPerMessage = 6000;
    public const int FilesPerMessage = 10;
    public const int ActionRowsPerMessage = 5;
    public const int ComponentsPerActionRow = 5;
    public const int CustomId = 100;
    public const int ButtonLabel = 80;
    public const int ButtonUrl = 512;
    public const int SelectPlaceholder = 150;
    public const int SelectOptions = 25;
    public const int SelectValues = 25;
    public const int SelectOptionText = 100;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int EmbedFields = 25;
    public const int EmbedFieldName = 256;
    public const int EmbedFieldValue = 1024;
    public const int EmbedFooter = 2048;
    public const int EmbedAuthorName = 256;
    public const int EmbedUrl = 2048;
    public const int EmbedColor = 0xFFFFFF;
    public const int ModalTitle = 45;

    /// <summary>The docs' modal limit; the spec's 40 counts nested components of the newer layouts.</summary>
    public const int ModalComponents = 5;
    public const int ModalLabel = 45;
    public const int ModalLabelDescription = 100;
    public const int TextInputValue = 4000;
    public const int TextInputPlaceholder = 100;
    public const int ThreadName = 100;
    public const int Nonce = 25;
    public const int CommandName = 32;
    public const int CommandDescription = 100;
    public const int CommandOptions = 25;
    public const int CommandOptionLength = 6000;

    internal static void Length(string subject, string? value, int max, bool required = false)
    {
        if (required && string.IsNullOrEmpty(value))
        {
            throw new DiscordLimitException(subject, $"{subject} must not be empty.");
        }

        if (value is not null && value.Length > max)
        {
            throw new DiscordLimitException(subject, $"{subject} is {value.Length} characters long; Discord allows at most {max}.");
        }
    }

    internal static void Count(string subject, int count, int max, string noun, int min = 0)
    {
        if (count > max)
        {
            throw new DiscordLimitException(subject, $"{subject} has {count} {noun}; Discord allows at most {max}.");
        }

        if (count < min)
        {
            throw new DiscordLimitException(subject, $"{subject} has {count} {noun}; Discord needs at least {min}.");
        }
    }

    internal static void Range(string subject, int? value, int min, int max)
    {
        if (value is { } number && (number < min || number > max))
        {
            throw new DiscordLimitException(subject, $"{subject} is {number}; Discord allows {min} to {max}.");
        }
    }

    /// <summary>A message's action row: up to five buttons, or one select menu alone.</summary>
    internal static void ActionRow(DiscordActionRow row)
    {
        Count("An action row", row.Components.Count, ComponentsPerActionRow, "components", min: 1);
        foreach (var component in row.Components)
        {
            switch (component)
            {
                case DiscordButton button:
                    Button(button);
                    break;
                case DiscordSelectMenu select when row.Components.Count == 1:
                    Select(select);
                    break;
                case DiscordSelectMenu:
                    throw new DiscordLimitException("An action row", "An action row with a select menu must hold nothing else.");
                default:
                    throw new DiscordLimitException("An action row", $"A message's action row cannot hold a {component.Type} component.");
            }
        }
    }

    internal static void Button(DiscordButton button)
    {
        Length("Button label", button.Label, ButtonLabel);
        if (button.Style == ButtonStyle.Link)
        {
            Length("Link button url", button.Url, ButtonUrl, required: true);
            if (button.CustomId is not null)
            {
                throw new DiscordLimitException("Link button custom_id", "A link button cannot have a custom_id.");
            }
        }
        else
        {
            Length("Button custom_id", button.CustomId, CustomId, required: true);
            if (button.Url is not null)
            {
                throw new DiscordLimitException("Button url", "Only a link button can have a url.");
            }
        }
    }

    internal static void Select(DiscordSelectMenu select)
    {
        Length("Select custom_id", select.CustomId, CustomId, required: true);
        Length("Select placeholder", select.Placeholder, SelectPlaceholder);
        Range("Select min_values", select.MinValues, 0, SelectValues);
        Range("Select max_values", select.MaxValues, 1, SelectValues);
        if (select is { MinValues: { } min, MaxValues: { } max } && min > max)
        {
            throw new DiscordLimitException("Select min_values", $"Select min_values ({min}) is greater than max_values ({max}).");
        }

        switch (select)
        {
            case DiscordStringSelect strings:
                Count("A string select", strings.Options?.Count ?? 0, SelectOptions, "options", min: 1);
                foreach (var option in strings.Options!)
                {
                    Length("Select option label", option.Label, SelectOptionText, required: true);
                    Length("Select option value", option.Value, SelectOptionText, required: true);
                    Length("Select option description", option.Description, SelectOptionText);
                }

                break;
            case DiscordEntitySelect entities:
                Count("A select's default_values", entities.DefaultValues?.Count ?? 0, SelectValues, "values");
                break;
        }
    }

    /// <summary>A modal field: a Label around an input (current), or an action row around one text input (legacy).</summary>
    internal static void ModalField(DiscordComponent field)
    {
        switch (field)
        {
            case DiscordLabel label:
                Length("Modal label", label.Label, ModalLabel, required: true);
                Length("Modal label description", label.Description, ModalLabelDescription);
                switch (label.Component)
                {
                    case DiscordTextInput input:
                        TextInput(input, legacy: false);
                        break;
                    case DiscordSelectMenu select:
                        Select(select);
                        break;
                    case DiscordFileUpload upload:
                        Length("File upload custom_id", upload.CustomId, CustomId, required: true);
                        Range("File upload max_values", upload.MaxValues, 1, FilesPerMessage);
                        break;
                    default:
                        throw new DiscordLimitException("Modal label", "A modal label must hold a text input, a select menu or a file upload.");
                }

                break;
            case DiscordActionRow { Components: [DiscordTextInput input] }:
                TextInput(input, legacy: true);
                break;
            default:
                throw new DiscordLimitException("Modal component", "A modal holds labels, or action rows of exactly one text input.");
        }
    }

    /// <summary>A command's names, descriptions and options, down through its subcommands.</summary>
    internal static void Command(DiscordApplicationCommand command)
    {
        Length("Command name", command.Name, CommandName, required: true);
        Length("Command description", command.Description, CommandDescription, required: true);
        CommandOptionList(command.Name, command.Options);
    }

    private static void CommandOptionList(string path, IReadOnlyList<DiscordApplicationCommandOption>? options)
    {
        Count($"Command {path}", options?.Count ?? 0, CommandOptions, "options");
        var optionalSeen = false;
        foreach (var option in options ?? [])
        {
            var subject = $"Command option {path} {option.Name}";
            Length(subject, option.Name, CommandName, required: true);
            Length($"{subject} description", option.Description, CommandDescription, required: true);
            Range($"{subject} min_length", option.MinLength, 0, CommandOptionLength);
            Range($"{subject} max_length", option.MaxLength, 1, CommandOptionLength);
            if (option.Required == true && optionalSeen)
            {
                throw new DiscordLimitException(subject, $"{subject} is required but follows an optional option; Discord wants required options first.");
            }

            optionalSeen |= option.Required != true;
            var nests = option.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup;
            if (!nests && option.Options is { Count: > 0 })
            {
                throw new DiscordLimitException(subject, $"{subject} is a {option.Type} option; only subcommands and groups hold options.");
            }

            if (nests)
            {
                CommandOptionList($"{path} {option.Name}", option.Options);
            }
        }
    }

    private static void TextInput(DiscordTextInput input, bool legacy)
    {
        Length("Text input custom_id", input.CustomId, CustomId, required: true);
        if (input.Style is null)
        {
            throw new DiscordLimitException("Text input style", "A text input needs a style (short or paragraph).");
        }

        if (legacy)
        {
            Length("Text input label", input.Label, ModalLabel, required: true);
        }
        else if (input.Label is not null)
        {
            throw new DiscordLimitException("Text input label", "A text input inside a label cannot have its own label.");
        }

        Length("Text input value", input.Value, TextInputValue);
        Length("Text input placeholder", input.Placeholder, TextInputPlaceholder);
        Range("Text input min_length", input.MinLength, 0, TextInputValue);
        Range("Text input max_length", input.MaxLength, 1, TextInputValue);
    }
}

/// <summary>A payload would break one of Discord's limits; <see cref="Subject"/> names the field.</summary>
public sealed class DiscordLimitException(string subject, string message) : ArgumentException(message)
{
    public string Subject { get; } = subject;
}
