using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;
using TicketSaas.Discord.Emulator.Http;

namespace TicketSaas.Discord.Emulator.State;

public sealed partial class EmulatorState
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>
    /// Posts a message. With <c>enforce_nonce</c> a nonce the same author used in the same channel within the
    /// nonce window returns that earlier message instead (Created is false), as Discord does.
    /// </summary>
    internal (DiscordMessage Message, bool Created) CreateMessage(BotApplication bot, ulong channelId, MessageDraft draft)
    {
        draft.Check(creating: true);
        lock (_lock)
        {
            var channel = ChannelVisibleToLocked(channelId, bot);
            if (draft is { EnforceNonce: true, Nonce: { } nonce }
                && _nonces.TryGetValue((channelId, bot.ApplicationId, nonce), out var earlierId)
                && _messages[channelId].TryGetValue(earlierId, out var earlier)
                && _time.GetUtcNow() - earlier.Timestamp < _nonceWindow)
            {
                return (earlier, false);
            }

            if (channel.Type == ChannelType.DirectMessage
                && channel.Recipients.Where(r => r != bot.ApplicationId).Any(r => !_users[r].AcceptsDirectMessages))
            {
                throw new DiscordApiException(403, 50007, "Cannot send messages to this user");
            }

            if (draft.ReferencedMessageId is { } referenced && !_messages.GetValueOrDefault(channelId)?.ContainsKey(referenced) == true)
            {
                var errors = new FormErrors();
                errors.Add(["message_reference"], "REPLIES_UNKNOWN_MESSAGE", "Unknown message");
                throw DiscordApiException.InvalidFormBody(errors);
            }

            ReopenThreadForPostLocked(channel);
            return (InsertMessageLocked(channel, bot.ApplicationId, draft, webhookId: null, interaction: null), true);
        }
    }

    internal DiscordMessage EditMessage(BotApplication bot, ulong channelId, ulong messageId, MessageDraft draft)
    {
        draft.Check(creating: false);
        lock (_lock)
        {
            ChannelVisibleToLocked(channelId, bot);
            var message = _messages.GetValueOrDefault(channelId)?.GetValueOrDefault(messageId) ?? throw DiscordApiException.UnknownMessage();
            if (message.AuthorId != bot.ApplicationId)
            {
                throw new DiscordApiException(403, 50005, "Cannot edit a message authored by another user");
            }

            return ApplyEditLocked(message, draft);
        }
    }

    /// <summary>Discord's paging: newest first; <c>after</c> takes the oldest <c>limit</c> messages after the id.</summary>
    internal IReadOnlyList<DiscordMessage> ListMessages(BotApplication bot, ulong channelId, ulong? before, ulong? after, ulong? around, int limit)
    {
        lock (_lock)
        {
            ChannelVisibleToLocked(channelId, bot);
            var all = _messages.TryGetValue(channelId, out var list) ? list.Values.Where(m => m.VisibleOnlyTo is null).ToList() : [];
            IEnumerable<DiscordMessage> page;
            if (around is { } middle)
            {
                var older = all.Where(m => m.Id <= middle).Reverse().Take((limit + 1) / 2);
                var newer = all.Where(m => m.Id > middle).Take(limit / 2);
                page = older.Concat(newer);
            }
            else if (after is { } start)
            {
                page = all.Where(m => m.Id > start).Take(limit);
            }
            else
            {
                page = all.Where(m => before is not { } end || m.Id < end).Reverse().Take(limit);
            }

            return [.. page.OrderByDescending(m => m.Id)];
        }
    }

    internal DiscordMessage MessageVisibleTo(BotApplication bot, ulong channelId, ulong messageId)
    {
        lock (_lock)
        {
            ChannelVisibleToLocked(channelId, bot);
            var message = _messages.GetValueOrDefault(channelId)?.GetValueOrDefault(messageId);
            return message is { VisibleOnlyTo: null } ? message : throw DiscordApiException.UnknownMessage();
        }
    }

    /// <summary>Opens (or finds) the DM channel between the bot and a user.</summary>
    internal DiscordChannel OpenDirectMessage(BotApplication bot, ulong recipientId)
    {
        lock (_lock)
        {
            if (!_users.TryGetValue(recipientId, out var recipient) || recipient.IsBot && recipient.Id == bot.ApplicationId)
            {
                throw DiscordApiException.UnknownUser();
            }

            var existing = _channels.Values.FirstOrDefault(c => c.Type == ChannelType.DirectMessage
                && c.Recipients.Contains(bot.ApplicationId) && c.Recipients.Contains(recipientId));
            if (existing is not null)
            {
                return existing;
            }

            var channel = new DiscordChannel { Id = NewId(), Type = ChannelType.DirectMessage, Recipients = [bot.ApplicationId, recipientId] };
            _channels[channel.Id] = channel;
            return channel;
        }
    }

    /// <summary>Whether a message's content reaches this bot without MESSAGE_CONTENT: its own, DMs, and mentions of it.</summary>
    internal bool ContentVisibleTo(BotApplication bot, DiscordMessage message)
    {
        if (bot.HasMessageContentIntent || message.AuthorId == bot.ApplicationId || message.MentionIds.Contains(bot.ApplicationId))
        {
            return true;
        }

        lock (_lock)
        {
            return _channels.TryGetValue(message.ChannelId, out var channel) && channel.Type == ChannelType.DirectMessage;
        }
    }

    private DiscordMessage InsertMessageLocked(DiscordChannel channel, ulong authorId, MessageDraft draft, ulong? webhookId, InteractionRecord? interaction)
    {
        var id = NewId();
        var message = new DiscordMessage
        {
            Id = id,
            ChannelId = channel.Id,
            AuthorId = authorId,
            Type = draft.ReferencedMessageId is null ? 0 : 19,
            Content = draft.Content ?? "",
            Embeds = Clone(draft.Embeds),
            Components = Clone(draft.Components),
            Attachments = StoreAttachmentsLocked(channel.Id, draft, []),
            MentionIds = MentionsLocked(draft.Content),
            Flags = draft.Flags ?? 0,
            Timestamp = Snowflakes.TimeOf(id),
            Nonce = draft.Nonce,
            WebhookId = webhookId,
            ApplicationId = webhookId,
            ReferencedMessageId = draft.ReferencedMessageId,
            InteractionId = interaction?.Id,
            VisibleOnlyTo = ((draft.Flags ?? 0) & MessageDraft.Ephemeral) != 0 && interaction is not null ? interaction.UserId : null,
        };

        if (!_messages.TryGetValue(channel.Id, out var list))
        {
            list = [];
            _messages[channel.Id] = list;
        }

        list[id] = message;
        _channels[channel.Id] = channel with { LastMessageId = id };
        if (draft.Nonce is { } nonce)
        {
            _nonces[(channel.Id, authorId, nonce)] = id;
        }

        MessageStored?.Invoke(message);
        return message;
    }

    private DiscordMessage ApplyEditLocked(DiscordMessage message, MessageDraft draft)
    {
        var edited = message with
        {
            Content = draft.Content ?? (draft.HasContent ? "" : message.Content),
            MentionIds = draft.HasContent ? MentionsLocked(draft.Content) : message.MentionIds,
            Embeds = draft.Embeds is null ? message.Embeds : Clone(draft.Embeds),
            Components = draft.Components is null ? message.Components : Clone(draft.Components),
            Flags = draft.Flags ?? message.Flags,
            Attachments = StoreAttachmentsLocked(message.ChannelId, draft, message.Attachments),
            EditedTimestamp = _time.GetUtcNow(),
        };
        _messages[message.ChannelId][message.Id] = edited;
        return edited;
    }

    /// <summary>
    /// New uploads become attachments (described by the <c>attachments</c> entry with their index as id). When the
    /// body lists <c>attachments</c>, existing ones not listed by id are dropped, as Discord does on edit.
    /// </summary>
    private List<MessageAttachment> StoreAttachmentsLocked(ulong channelId, MessageDraft draft, IReadOnlyList<MessageAttachment> existing)
    {
        var listed = draft.Attachments?.OfType<JsonObject>().ToList();
        var kept = listed is null
            ? existing.ToList()
            : existing.Where(a => listed.Any(l => JsonFields.Snowflake(l, "id") == a.Id)).ToList();
        foreach (var file in draft.Files)
        {
            var entry = listed?.FirstOrDefault(l => JsonFields.Snowflake(l, "id") == (ulong)file.Index);
            var filename = (entry is null ? null : JsonFields.String(entry, "filename")) ?? file.FileName;
            var id = NewId();
            var path = $"attachments/{channelId}/{id}/{filename}";
            var contentType = file.ContentType is "" or "application/octet-stream" && ContentTypes.TryGetContentType(filename, out var guessed) ? guessed : file.ContentType;
            _files[path] = new StoredFile(file.Content, contentType);
            kept.Add(new MessageAttachment(id, filename, entry is null ? null : JsonFields.String(entry, "description"), contentType, file.Content.LongLength, path));
        }

        return kept;
    }

    private IReadOnlyList<ulong> MentionsLocked(string? content) =>
        content is null
            ? []
            : [.. MentionPattern().Matches(content).Select(m => ulong.Parse(m.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture))
                .Where(_users.ContainsKey).Distinct()];

    /// <summary>Posting in an archived thread unarchives it; a locked one refuses, as for a member without MANAGE_THREADS.</summary>
    private void ReopenThreadForPostLocked(DiscordChannel channel)
    {
        if (channel.Thread is not { Archived: true } thread)
        {
            return;
        }

        if (thread.Locked)
        {
            throw ArchivedThread();
        }

        _channels[channel.Id] = _channels[channel.Id] with { Thread = thread with { Archived = false, ArchiveTimestamp = _time.GetUtcNow() } };
    }

    private static DiscordApiException ArchivedThread() => new(400, 50083, "Operation cannot be performed on an archived thread");

    private static JsonArray Clone(JsonArray? array) => array is null ? [] : (JsonArray)array.DeepClone();

    [GeneratedRegex(@"<@!?(\d{1,20})>")]
    private static partial Regex MentionPattern();
}
