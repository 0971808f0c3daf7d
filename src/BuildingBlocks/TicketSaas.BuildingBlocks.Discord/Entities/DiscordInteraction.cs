using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TicketSaas.BuildingBlocks.Discord.Entities;

public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}

/// <summary>The kind of an application command option, in a command's definition and in an invocation alike.</summary>
public enum ApplicationCommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,
    String = 3,

    /// <summary>Any integer between -2^53 and 2^53.</summary>
    Integer = 4,
    Boolean = 5,
    User = 6,

    /// <summary>Any channel type, including categories; restrict it with <see cref="DiscordApplicationCommandOption.ChannelTypes"/>.</summary>
    Channel = 7,
    Role = 8,

    /// <summary>A user or a role.</summary>
    Mentionable = 9,
    Number = 10,
    Attachment = 11,
}

/// <summary>Where a global command may be used.</summary>
public enum InteractionContextType
{
    Guild = 0,

    /// <summary>The DM between a user and the bot.</summary>
    BotDm = 1,

    /// <summary>Group DMs and DMs other than the bot's, for user-installed apps.</summary>
    PrivateChannel = 2,
}

public sealed class DiscordInteraction
{
    public ulong Id { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong ApplicationId { get; init; }
    public InteractionType Type { get; init; }
    public DiscordInteractionData? Data { get; init; }
    public ulong? GuildId { get; init; }
    public DiscordChannel? Channel { get; init; }
    public ulong? ChannelId { get; init; }

    /// <summary>Set in a guild; <see cref="User"/> is set instead in a DM.</summary>
    public DiscordMember? Member { get; init; }
    public DiscordUser? User { get; init; }

    /// <summary>Valid for 15 minutes: the callback and follow-ups authenticate with it.</summary>
    public string Token { get; init; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Version { get; init; }

    /// <summary>For a component interaction: the message the component is on.</summary>
    public DiscordMessage? Message { get; init; }
    public Permissions? AppPermissions { get; init; }
    public string? Locale { get; init; }
    public string? GuildLocale { get; init; }

    /// <summary>The member's or DM user's account, whichever Discord sent.</summary>
    [JsonIgnore]
    public DiscordUser? Invoker => Member?.User ?? User;
}

/// <summary>
/// One type for every interaction's data: command fields, component fields and modal fields are each set only for
/// their kind of interaction.
/// </summary>
public sealed class DiscordInteractionData
{
    /// <summary>Kept as sent: a command's snowflake (a string), or a component's numeric id (a number).</summary>
    [JsonInclude]
    [JsonPropertyName("id")]
    internal JsonElement? RawId { get; init; }

    /// <summary>Application command: the command's id.</summary>
    [JsonIgnore]
    public ulong? CommandId => RawId is { ValueKind: JsonValueKind.String } id
        && ulong.TryParse(id.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Component: the numeric id of the component within its message.</summary>
    [JsonIgnore]
    public int? ComponentId => RawId is { ValueKind: JsonValueKind.Number } id && id.TryGetInt32(out var value) ? value : null;

    /// <summary>Application command: the command's name and kind.</summary>
    public string? Name { get; init; }
    public int? Type { get; init; }
    public IReadOnlyList<DiscordCommandOption>? Options { get; init; }

    /// <summary>Component or modal submit: the developer-defined id.</summary>
    public string? CustomId { get; init; }
    public ComponentType? ComponentType { get; init; }

    /// <summary>Select menus: the chosen values (ids for user, role, mentionable and channel selects).</summary>
    public IReadOnlyList<string>? Values { get; init; }
    public DiscordResolved? Resolved { get; init; }

    /// <summary>Modal submit: the submitted fields, as action rows (legacy) or labels (current).</summary>
    public IReadOnlyList<DiscordComponent>? Components { get; init; }
}

public sealed class DiscordCommandOption
{
    public string Name { get; init; } = "";
    public ApplicationCommandOptionType Type { get; init; }

    /// <summary>A string, number or boolean, by option type; user, channel, role and mentionable options carry the id as a string.</summary>
    public JsonElement? Value { get; init; }
    public IReadOnlyList<DiscordCommandOption>? Options { get; init; }
    public bool? Focused { get; init; }
}

/// <summary>The entities behind the ids in an interaction (select values, uploaded files).</summary>
public sealed class DiscordResolved
{
    public IReadOnlyDictionary<ulong, DiscordUser>? Users { get; init; }

    /// <summary>Partial members: no user, no deaf or mute.</summary>
    public IReadOnlyDictionary<ulong, DiscordMember>? Members { get; init; }
    public IReadOnlyDictionary<ulong, DiscordRole>? Roles { get; init; }

    /// <summary>Partial channels: id, name, type, permissions and, for threads, metadata and parent.</summary>
    public IReadOnlyDictionary<ulong, DiscordChannel>? Channels { get; init; }
    public IReadOnlyDictionary<ulong, DiscordMessage>? Messages { get; init; }
    public IReadOnlyDictionary<ulong, DiscordAttachment>? Attachments { get; init; }
}
