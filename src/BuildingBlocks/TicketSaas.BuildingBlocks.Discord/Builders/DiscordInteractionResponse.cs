namespace TicketSaas.BuildingBlocks.Discord.Builders;

public enum InteractionResponseType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    Modal = 9,
}

/// <summary>The first answer to an interaction, given within 3 seconds: a message, a deferral, an update or a modal.</summary>
public sealed class DiscordInteractionResponse
{
    private DiscordInteractionResponse(InteractionResponseType type, DiscordMessageBuilder? message, DiscordModalBuilder? modal)
    {
        Type = type;
        Message = message;
        ModalForm = modal;
    }

    public InteractionResponseType Type { get; }
    public DiscordMessageBuilder? Message { get; }
    public DiscordModalBuilder? ModalForm { get; }

    public static DiscordInteractionResponse Pong { get; } = new(InteractionResponseType.Pong, null, null);

    /// <summary>Acknowledges a component click without changing anything; edit the message later.</summary>
    public static DiscordInteractionResponse DeferredUpdate { get; } = new(InteractionResponseType.DeferredUpdateMessage, null, null);

    public static DiscordInteractionResponse Reply(DiscordMessageBuilder message) =>
        new(InteractionResponseType.ChannelMessageWithSource, message, null);

    /// <summary>Shows "thinking…"; the answer follows by editing the original response.</summary>
    public static DiscordInteractionResponse DeferredReply(bool ephemeral) =>
        new(InteractionResponseType.DeferredChannelMessageWithSource,
            ephemeral ? new DiscordMessageBuilder().AsEphemeral().WithAllowedMentions(null) : null,
            null);

    /// <summary>Replaces the message the clicked component is on.</summary>
    public static DiscordInteractionResponse UpdateMessage(DiscordMessageBuilder message) =>
        new(InteractionResponseType.UpdateMessage, message, null);

    public static DiscordInteractionResponse Modal(DiscordModalBuilder modal) =>
        new(InteractionResponseType.Modal, null, modal);

    internal IReadOnlyList<DiscordFile> Files => Message?.Files ?? [];

    internal InteractionCallbackPayload ToPayload() =>
        new((int)Type, (object?)ModalForm?.ToPayload() ?? Message?.ToPayload());
}

/// <summary>Wire shape of an interaction callback; "data" is a message or a modal by type.</summary>
internal sealed record InteractionCallbackPayload(int Type, object? Data);
