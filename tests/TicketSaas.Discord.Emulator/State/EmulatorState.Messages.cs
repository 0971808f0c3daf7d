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
            if (channel.GuildId is not null)
            {
                RequirePermissionLocked(channel, bot.ApplicationId, channel.IsThread ? Permissions.SendMessagesInThreads : Permissions.SendMessages);
            }

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

            ReopenThreadForPostLocked(channel, bot.ApplicationId);
            return (InsertMessageLocked(channel, bot.ApplicationId, draft, webhookId: null, interaction: null), true);
        }
    }

    internal DiscordMessage EditMessage(BotApplication bot, ulong channelId, ulong messageId, MessageDraft draft)
    {
        draft.Check(creating: false);
        lock (_lock)
        {
            ChannelVisibleToLocked(channelId, bot);
            var message = StoredMessageLocked(channelId, messageId);
            if (message.AuthorId != bot.ApplicationId)
            {
                throw new DiscordApiException(403, 50005, "Cannot edit a message authored by another user");
            }

            return ApplyEditLocked(message, draft);
        }
    }

    /// <summary>The bot deletes its own messages freely; someone else's takes MANAGE_MESSAGES.</summary>
    internal void DeleteMessage(BotApplication bot, ulong channelId, ulong messageId)
    {
        lock (_lock)
        {
            var channel = ChannelVisibleToLocked(channelId, bot);
            var message = StoredMessageLocked(channelId, messageId);
            if (message.AuthorId != bot.ApplicationId)
            {
                RequirePermissionLocked(channel, bot.ApplicationId, Permissions.ManageMessages);
            }

            _messages[channelId].Remove(messageId);
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
            return StoredMessageLocked(channelId, messageId);
        }
    }

    /// <summary>The DM channel between the bot and a user, once the bot opened one.</summary>
    public DiscordChannel? DirectMessageChannel(ulong applicationId, ulong userId)
    {
        lock (_lock)
        {
            return _channels.Values.FirstOrDefault(c => c.Type == ChannelType.DirectMessage
                && c.Recipients.Contains(applicationId) && c.Recipients.Contains(userId));
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

            var existing = DirectMessageChannel(bot.ApplicationId, recipientId);
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

    /// <summary>A message the channel shows; an ephemeral reply, like a deleted message, is unknown to channel routes.</summary>
    private DiscordMessage StoredMessageLocked(ulong channelId, ulong messageId) =>
        _messages.GetValueOrDefault(channelId)?.GetValueOrDefault(messageId) is { VisibleOnlyTo: null } message ? message : throw DiscordApiException.UnknownMessage();

    private ulong RequireStickerLocked(ulong id) => _stickers.ContainsKey(id) ? id : throw DiscordApiException.UnknownSticker();

    private DiscordMessage InsertMessageLocked(DiscordChannel channel, ulong authorId, MessageDraft draft, ulong? webhookId, InteractionRecord? interaction)
    {
        var id = NewId();
        var (users, roles) = MentionsLocked(channel, authorId, draft.Content, AllowedMentionsOf(draft, webhookId));
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
            StickerIds = [.. draft.StickerIds.Select(RequireStickerLocked)],
            MentionIds = users,
            MentionRoleIds = roles,
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
        _channels[channel.Id] = _channels[channel.Id] with { LastMessageId = id };
        if (channel.Type == ChannelType.PrivateThread && message.VisibleOnlyTo is null)
        {
            AddMentionedToThreadLocked(channel, users, roles);
        }

        if (draft.Nonce is { } nonce)
        {
            _nonces[(channel.Id, authorId, nonce)] = id;
        }

        MessageStored?.Invoke(message);
        return message;
    }

    private DiscordMessage ApplyEditLocked(DiscordMessage message, MessageDraft draft)
    {
        var (users, roles) = draft.HasContent
            ? MentionsLocked(_channels[message.ChannelId], message.AuthorId, draft.Content, AllowedMentionsOf(draft, message.WebhookId))
            : (message.MentionIds, message.MentionRoleIds);
        var edited = message with
        {
            Content = draft.Content ?? (draft.HasContent ? "" : message.Content),
            MentionIds = users,
            MentionRoleIds = roles,
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

    /// <summary>
    /// The users and roles the content mentions, as far as <paramref name="allowed"/> lets them through. A role
    /// mention counts only when the role is mentionable or the author may mention everyone in the channel.
    /// </summary>
    private (IReadOnlyList<ulong> Users, IReadOnlyList<ulong> Roles) MentionsLocked(DiscordChannel channel, ulong authorId, string? content, AllowedMentions allowed)
    {
        if (content is null)
        {
            return ([], []);
        }

        var users = IdsIn(UserMentionPattern(), content).Where(id => _users.ContainsKey(id) && allowed.AllowsUser(id));
        var roles = IdsIn(RoleMentionPattern(), content).Where(id =>
            _roles.TryGetValue(id, out var role) && role.GuildId == channel.GuildId && allowed.AllowsRole(id)
            && (role.Mentionable || HasPermissionLocked(channel, authorId, Permissions.MentionEveryone)));
        return ([.. users], [.. roles]);

        static IEnumerable<ulong> IdsIn(Regex pattern, string text) => pattern.Matches(text)
            .Select(m => ulong.TryParse(m.Groups[1].ValueSpan, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : (ulong?)null)
            .OfType<ulong>()
            .Distinct();
    }

    /// <summary>Discord's defaults when allowed_mentions is absent: everything for messages, only users for interactions and webhooks.</summary>
    private static AllowedMentions AllowedMentionsOf(MessageDraft draft, ulong? webhookId) =>
        draft.AllowedMentions ?? (webhookId is null ? AllowedMentions.All : AllowedMentions.UsersOnly);

    /// <summary>
    /// Discord brings mentioned people into a private thread: each mentioned user, and each member holding a
    /// mentioned role, who can see the parent channel.
    /// </summary>
    private void AddMentionedToThreadLocked(DiscordChannel thread, IReadOnlyList<ulong> users, IReadOnlyList<ulong> roles)
    {
        var holders = _members.Values.Where(m => m.GuildId == thread.GuildId && m.RoleIds.Any(roles.Contains)).Select(m => m.UserId);
        var members = _threadMembers[thread.Id];
        foreach (var userId in users.Concat(holders).Where(u => HasPermissionLocked(thread, u, Permissions.ViewChannel)))
        {
            members.TryAdd(userId, _time.GetUtcNow());
        }
    }

    /// <summary>Posting in an archived thread unarchives it; a locked one only for MANAGE_THREADS, who alone may unarchive it.</summary>
    private void ReopenThreadForPostLocked(DiscordChannel channel, ulong authorId)
    {
        if (channel.Thread is not { Archived: true } thread)
        {
            return;
        }

        if (thread.Locked && !HasPermissionLocked(channel, authorId, Permissions.ManageThreads))
        {
            throw ArchivedThread();
        }

        _channels[channel.Id] = _channels[channel.Id] with { Thread = thread with { Archived = false, ArchiveTimestamp = _time.GetUtcNow() } };
    }

    private static DiscordApiException ArchivedThread() => new(400, 50083, "Operation cannot be performed on an archived thread");

    private static JsonArray Clone(JsonArray? array) => array is null ? [] : (JsonArray)array.DeepClone();

    [GeneratedRegex(@"<@!?(\d{1,20})>")]
    private static partial Regex UserMentionPattern();

    [GeneratedRegex(@"<@&(\d{1,20})>")]
    private static partial Regex RoleMentionPattern();
}
