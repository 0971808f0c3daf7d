using System.Text.Json.Serialization;

namespace TicketSaas.BuildingBlocks.Discord.Entities;

public enum ComponentType
{
    /// <summary>A component kind this adapter does not model; received ones keep only their id.</summary>
    Unknown = 0,
    ActionRow = 1,
    Button = 2,
    StringSelect = 3,
    TextInput = 4,
    UserSelect = 5,
    RoleSelect = 6,
    MentionableSelect = 7,
    ChannelSelect = 8,
    Label = 18,
    FileUpload = 19,
}

public enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
    Link = 5,
    Premium = 6,
}

public enum TextInputStyle
{
    Short = 1,
    Paragraph = 2,
}

/// <summary>
/// A message or modal component. The same types carry what we send and what Discord sends back (a submitted
/// text input's value, a select's chosen values). Discord's "type" number picks the class.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", IgnoreUnrecognizedTypeDiscriminators = true)]
[JsonDerivedType(typeof(DiscordActionRow), (int)ComponentType.ActionRow)]
[JsonDerivedType(typeof(DiscordButton), (int)ComponentType.Button)]
[JsonDerivedType(typeof(DiscordStringSelect), (int)ComponentType.StringSelect)]
[JsonDerivedType(typeof(DiscordTextInput), (int)ComponentType.TextInput)]
[JsonDerivedType(typeof(DiscordUserSelect), (int)ComponentType.UserSelect)]
[JsonDerivedType(typeof(DiscordRoleSelect), (int)ComponentType.RoleSelect)]
[JsonDerivedType(typeof(DiscordMentionableSelect), (int)ComponentType.MentionableSelect)]
[JsonDerivedType(typeof(DiscordChannelSelect), (int)ComponentType.ChannelSelect)]
[JsonDerivedType(typeof(DiscordLabel), (int)ComponentType.Label)]
[JsonDerivedType(typeof(DiscordFileUpload), (int)ComponentType.FileUpload)]
public class DiscordComponent
{
    /// <summary>Used only for kinds Discord added after this adapter; see <see cref="ComponentType.Unknown"/>.</summary>
    public DiscordComponent()
    {
    }

    private protected DiscordComponent(ComponentType type) => Type = type;

    [JsonIgnore]
    public ComponentType Type { get; }

    /// <summary>Optional numeric id unique within the message; Discord assigns one when omitted.</summary>
    public int? Id { get; init; }
}

public sealed class DiscordActionRow() : DiscordComponent(ComponentType.ActionRow)
{
    public IReadOnlyList<DiscordComponent> Components { get; init; } = [];
}

public sealed class DiscordButton() : DiscordComponent(ComponentType.Button)
{
    public ButtonStyle Style { get; init; }
    public string? Label { get; init; }
    public DiscordEmoji? Emoji { get; init; }

    /// <summary>Every style but Link and Premium needs one; it comes back in the click.</summary>
    public string? CustomId { get; init; }
    public string? Url { get; init; }
    public bool? Disabled { get; init; }

    public static DiscordButton Create(ButtonStyle style, string customId, string label) =>
        new() { Style = style, CustomId = customId, Label = label };

    public static DiscordButton Link(string url, string label) =>
        new() { Style = ButtonStyle.Link, Url = url, Label = label };
}

/// <summary>What every select menu shares. <see cref="Values"/> is only set in what Discord sends back.</summary>
public abstract class DiscordSelectMenu : DiscordComponent
{
    private protected DiscordSelectMenu(ComponentType type)
        : base(type)
    {
    }

    public string CustomId { get; init; } = "";
    public string? Placeholder { get; init; }
    public int? MinValues { get; init; }
    public int? MaxValues { get; init; }
    public bool? Disabled { get; init; }

    /// <summary>Modals only: whether an answer is needed.</summary>
    public bool? Required { get; init; }
    public IReadOnlyList<string>? Values { get; init; }
}

public sealed class DiscordStringSelect() : DiscordSelectMenu(ComponentType.StringSelect)
{
    public IReadOnlyList<DiscordSelectOption>? Options { get; init; }
}

public sealed class DiscordSelectOption
{
    public string Label { get; init; } = "";
    public string Value { get; init; } = "";
    public string? Description { get; init; }
    public DiscordEmoji? Emoji { get; init; }
    public bool? Default { get; init; }
}

/// <summary>A user, role, mentionable or channel select: the choices are Discord entities, preselected by id.</summary>
public abstract class DiscordEntitySelect : DiscordSelectMenu
{
    private protected DiscordEntitySelect(ComponentType type)
        : base(type)
    {
    }

    public IReadOnlyList<DiscordSelectDefaultValue>? DefaultValues { get; init; }
}

/// <summary>A preselected entity; <see cref="Type"/> is "user", "role" or "channel".</summary>
public sealed record DiscordSelectDefaultValue(ulong Id, string Type);

public sealed class DiscordUserSelect() : DiscordEntitySelect(ComponentType.UserSelect);

public sealed class DiscordRoleSelect() : DiscordEntitySelect(ComponentType.RoleSelect);

public sealed class DiscordMentionableSelect() : DiscordEntitySelect(ComponentType.MentionableSelect);

public sealed class DiscordChannelSelect() : DiscordEntitySelect(ComponentType.ChannelSelect)
{
    public IReadOnlyList<ChannelType>? ChannelTypes { get; init; }
}

public sealed class DiscordTextInput() : DiscordComponent(ComponentType.TextInput)
{
    public string CustomId { get; init; } = "";

    /// <summary>Absent in a submitted modal, which carries only the id and the value.</summary>
    public TextInputStyle? Style { get; init; }

    /// <summary>Legacy modals only (text input in an action row); inside a Label the label belongs to the Label.</summary>
    public string? Label { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public bool? Required { get; init; }

    /// <summary>Prefilled text when sent; the member's answer when submitted.</summary>
    public string? Value { get; init; }
    public string? Placeholder { get; init; }
}

/// <summary>A modal's labelled field (type 18): the current way to put an input in a modal.</summary>
public sealed class DiscordLabel() : DiscordComponent(ComponentType.Label)
{
    public string? Label { get; init; }
    public string? Description { get; init; }
    public DiscordComponent? Component { get; init; }
}

public sealed class DiscordFileUpload() : DiscordComponent(ComponentType.FileUpload)
{
    public string CustomId { get; init; } = "";
    public int? MinValues { get; init; }
    public int? MaxValues { get; init; }
    public bool? Required { get; init; }

    /// <summary>Submitted attachment ids; the files are in the interaction's resolved attachments.</summary>
    public IReadOnlyList<ulong>? Values { get; init; }
}
