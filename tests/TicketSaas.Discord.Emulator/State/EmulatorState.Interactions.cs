using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.Http;

namespace TicketSaas.Discord.Emulator.State;

public sealed partial class EmulatorState
{
    /// <summary>Discord drops an interaction that has no initial response within 3 seconds.</summary>
    public static readonly TimeSpan InitialResponseDeadline = TimeSpan.FromSeconds(3);

    /// <summary>The interaction token serves follow-ups and edits for 15 minutes.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    private const int Loading = 1 << 7;

    internal void RegisterInteraction(InteractionRecord interaction)
    {
        lock (_lock)
        {
            _interactions[interaction.Id] = interaction;
        }
    }

    /// <summary>The initial response, whether it came as the HTTP answer to the signed POST or via the callback route.</summary>
    internal InteractionRecord Respond(ulong interactionId, string token, JsonObject body, IReadOnlyList<UploadedFile> files)
    {
        var type = (int)(JsonFields.Integer(body, "type") ?? throw Required("type"));
        var data = body["data"] as JsonObject;
        var draft = data is null ? null : new MessageDraft(data, files);
        lock (_lock)
        {
            if (!_interactions.TryGetValue(interactionId, out var interaction) || interaction.Token != token
                || _time.GetUtcNow() - interaction.CreatedAt > InitialResponseDeadline)
            {
                throw DiscordApiException.UnknownInteraction();
            }

            if (interaction.CallbackType is not null)
            {
                throw new DiscordApiException(400, 40060, "Interaction has already been acknowledged.");
            }

            var channel = _channels.GetValueOrDefault(interaction.ChannelId);
            ulong? original = type switch
            {
                1 when interaction.Type == 1 => null,
                4 when channel is not null => InsertResponseLocked(channel, interaction, Required(draft, creating: true)).Id,
                5 when channel is not null => InsertResponseLocked(channel, interaction, new MessageDraft(new JsonObject { ["flags"] = Loading | ((draft?.Flags ?? 0) & MessageDraft.Ephemeral) }, [])).Id,
                6 when interaction.MessageId is not null => interaction.MessageId,
                7 when interaction.MessageId is { } messageId => ApplyEditLocked(
                    _messages.GetValueOrDefault(interaction.ChannelId)?.GetValueOrDefault(messageId) ?? throw DiscordApiException.UnknownMessage(), Required(draft, creating: false)).Id,
                9 when interaction.Type != 5 => null,
                _ => throw InvalidResponseType(type, interaction.Type),
            };

            var answered = interaction with
            {
                CallbackType = type,
                CallbackData = data is null ? null : (JsonObject)data.DeepClone(),
                AnsweredAt = _time.GetUtcNow(),
                OriginalMessageId = original,
            };
            _interactions[interactionId] = answered;
            return answered;
        }
    }

    internal DiscordMessage CreateFollowup(ulong applicationId, string token, MessageDraft draft)
    {
        draft.Check(creating: true);
        lock (_lock)
        {
            var interaction = AnsweredInteractionLocked(applicationId, token);
            var message = InsertResponseLocked(_channels[interaction.ChannelId], interaction, draft);
            _interactions[interaction.Id] = interaction with { FollowupMessageIds = [.. interaction.FollowupMessageIds, message.Id] };
            return message;
        }
    }

    /// <summary>Edits the original response (<paramref name="messageId"/> null) or one of the follow-ups.</summary>
    internal DiscordMessage EditInteractionMessage(ulong applicationId, string token, ulong? messageId, MessageDraft draft)
    {
        draft.Check(creating: false);
        lock (_lock)
        {
            var interaction = AnsweredInteractionLocked(applicationId, token);
            var target = messageId ?? interaction.OriginalMessageId;
            if (target is not { } id || (messageId is not null && !interaction.FollowupMessageIds.Contains(id))
                || !_messages.TryGetValue(interaction.ChannelId, out var list) || !list.TryGetValue(id, out var message))
            {
                throw DiscordApiException.UnknownMessage();
            }

            // Editing a deferred response turns the "thinking" placeholder into the real message.
            return ApplyEditLocked(message with { Flags = message.Flags & ~Loading }, draft);
        }
    }

    private InteractionRecord AnsweredInteractionLocked(ulong applicationId, string token)
    {
        var interaction = _interactions.Values.FirstOrDefault(i => i.Token == token && i.ApplicationId == applicationId)
            ?? throw DiscordApiException.UnknownWebhook();
        if (_time.GetUtcNow() - interaction.CreatedAt > TokenLifetime)
        {
            throw new DiscordApiException(401, 50027, "Invalid Webhook Token");
        }

        return interaction.CallbackType is null ? throw DiscordApiException.UnknownWebhook() : interaction;
    }

    private DiscordMessage InsertResponseLocked(DiscordChannel channel, InteractionRecord interaction, MessageDraft draft) =>
        InsertMessageLocked(channel, interaction.ApplicationId, draft, webhookId: interaction.ApplicationId, interaction);

    private static MessageDraft Required(MessageDraft? draft, bool creating)
    {
        if (draft is null)
        {
            throw Required("data");
        }

        draft.Check(creating);
        return draft;
    }

    private static DiscordApiException Required(string field)
    {
        var errors = new FormErrors();
        errors.Add(field, "BASE_TYPE_REQUIRED", "This field is required");
        return DiscordApiException.InvalidFormBody(errors);
    }

    private static DiscordApiException InvalidResponseType(int responseType, int interactionType)
    {
        var errors = new FormErrors();
        errors.Add("type", "INTERACTION_RESPONSE_TYPE_INVALID", $"Response type {responseType} is not valid for an interaction of type {interactionType}.");
        return DiscordApiException.InvalidFormBody(errors);
    }
}
