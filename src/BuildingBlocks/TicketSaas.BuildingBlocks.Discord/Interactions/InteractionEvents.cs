using System.Globalization;
using System.Text.Json;
using TicketSaas.BuildingBlocks.Discord.Entities;

namespace TicketSaas.BuildingBlocks.Discord.Interactions;

/// <summary>
/// An interaction arrived, by HTTP or by the gateway. Slash commands, component clicks and modal submissions arrive
/// as the subtypes <see cref="SlashCommandInvoked"/>, <see cref="ComponentInteractionCreated"/> and
/// <see cref="ModalSubmitted"/>; pings, user and message commands and autocomplete as this.
/// </summary>
public class InteractionCreated(DiscordInteraction interaction)
{
    private const int ChatInputCommand = 1;

    public DiscordInteraction Interaction { get; } = interaction;

    /// <summary>Turns a verified body into its event; throws <see cref="JsonException"/> when it is not an interaction.</summary>
    internal static InteractionCreated Parse(ReadOnlySpan<byte> body)
    {
        var interaction = JsonSerializer.Deserialize<DiscordInteraction>(body, DiscordJson.Options)
            ?? throw new JsonException("The body is not an interaction.");
        return From(interaction);
    }

    internal static InteractionCreated From(DiscordInteraction interaction) => interaction.Type switch
    {
        InteractionType.ApplicationCommand when interaction.Data?.Type is null or ChatInputCommand => new SlashCommandInvoked(interaction),
        InteractionType.MessageComponent => new ComponentInteractionCreated(interaction),
        InteractionType.ModalSubmit => new ModalSubmitted(interaction),
        _ => new InteractionCreated(interaction),
    };
}

/// <summary>
/// A slash command. Options are read from the subcommand when there is one, else from the command itself; our
/// commands have no subcommand groups, so a group's options are not read. Each accessor answers null when the
/// option was not given or is of another type.
/// </summary>
public sealed class SlashCommandInvoked : InteractionCreated
{
    public SlashCommandInvoked(DiscordInteraction interaction)
        : base(interaction)
    {
        CommandName = interaction.Data?.Name ?? "";
        var options = interaction.Data?.Options ?? [];
        var subcommand = options.FirstOrDefault(o => o.Type == ApplicationCommandOptionType.SubCommand);
        Subcommand = subcommand?.Name;
        Options = subcommand is null ? options : subcommand.Options ?? [];
    }

    /// <summary>E.g. "ticket" for /ticket claim.</summary>
    public string CommandName { get; }

    /// <summary>E.g. "claim" for /ticket claim; null for a command without subcommands.</summary>
    public string? Subcommand { get; }

    /// <summary>The options the member filled in, of the subcommand when there is one.</summary>
    public IReadOnlyList<DiscordCommandOption> Options { get; }

    public string? String(string name) =>
        Value(name, ApplicationCommandOptionType.String) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public long? Integer(string name) =>
        Value(name, ApplicationCommandOptionType.Integer) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : null;

    /// <summary>The id a user, channel, role or mentionable option holds.</summary>
    public ulong? Snowflake(string name) =>
        Options.FirstOrDefault(o => o.Name == name) is
        {
            Type: ApplicationCommandOptionType.User or ApplicationCommandOptionType.Channel or ApplicationCommandOptionType.Role or ApplicationCommandOptionType.Mentionable,
            Value: { ValueKind: JsonValueKind.String } value,
        } && ulong.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The user a user or mentionable option names, as Discord resolved it; null for a role.</summary>
    public DiscordUser? User(string name) =>
        Snowflake(name) is { } id ? Interaction.Data?.Resolved?.Users?.GetValueOrDefault(id) : null;

    /// <summary>The channel a channel option names, as Discord resolved it: partial (id, name, type, permissions, thread fields).</summary>
    public DiscordChannel? Channel(string name) =>
        Snowflake(name) is { } id ? Interaction.Data?.Resolved?.Channels?.GetValueOrDefault(id) : null;

    private JsonElement? Value(string name, ApplicationCommandOptionType type) =>
        Options.FirstOrDefault(o => o.Name == name && o.Type == type)?.Value;
}

/// <summary>A button was clicked or a select menu chosen.</summary>
public sealed class ComponentInteractionCreated(DiscordInteraction interaction) : InteractionCreated(interaction)
{
    public string CustomId { get; } = interaction.Data?.CustomId ?? "";
    public ComponentType ComponentType { get; } = interaction.Data?.ComponentType ?? ComponentType.Unknown;

    /// <summary>The chosen values of a select menu (ids for entity selects); empty for a button.</summary>
    public IReadOnlyList<string> Values { get; } = interaction.Data?.Values ?? [];

    /// <summary>The message the component sits on.</summary>
    public DiscordMessage? Message => Interaction.Message;
}

/// <summary>A modal was submitted. Values are read from either shape Discord uses (action rows or labels).</summary>
public sealed class ModalSubmitted : InteractionCreated
{
    public ModalSubmitted(DiscordInteraction interaction)
        : base(interaction)
    {
        CustomId = interaction.Data?.CustomId ?? "";
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var choices = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var field in Fields(interaction.Data?.Components ?? []))
        {
            switch (field)
            {
                case DiscordTextInput input:
                    values[input.CustomId] = input.Value ?? "";
                    break;
                case DiscordSelectMenu select:
                    choices[select.CustomId] = select.Values ?? [];
                    break;
                case DiscordFileUpload upload:
                    choices[upload.CustomId] = upload.Values?.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray() ?? [];
                    break;
            }
        }

        Values = values;
        Choices = choices;
    }

    public string CustomId { get; }

    /// <summary>Text inputs: custom_id → what the member typed.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>Selects and file uploads: custom_id → chosen values or attachment ids.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Choices { get; }

    private static IEnumerable<DiscordComponent> Fields(IEnumerable<DiscordComponent> components)
    {
        foreach (var component in components)
        {
            switch (component)
            {
                case DiscordActionRow row:
                    foreach (var child in row.Components)
                    {
                        yield return child;
                    }

                    break;
                case DiscordLabel { Component: { } child }:
                    yield return child;
                    break;
            }
        }
    }
}

/// <summary>
/// Answers interactions. Handlers are asked in registration order; the first to return a response answers, the
/// others see null as "not mine". Answer within 3 seconds: defer and finish later when work takes longer.
/// </summary>
public interface IDiscordInteractionHandler
{
    ValueTask<Builders.DiscordInteractionResponse?> HandleAsync(InteractionCreated interaction, CancellationToken cancellationToken);
}
