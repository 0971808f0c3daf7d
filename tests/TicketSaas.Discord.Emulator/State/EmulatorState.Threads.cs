using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.Http;

namespace TicketSaas.Discord.Emulator.State;

public sealed partial class EmulatorState
{
    private const int DefaultAutoArchiveMinutes = 1440;

    internal DiscordChannel CreateThread(BotApplication bot, ulong parentId, JsonObject body)
    {
        // The parent is the path's channel; Discord refuses a parent_id in the body rather than ignore it.
        if (JsonFields.Has(body, "parent_id"))
        {
            var errors = new FormErrors();
            errors.Add("parent_id", "BASE_TYPE_BAD_VALUE", "parent_id is not allowed here: the thread's parent is the channel in the path.");
            throw DiscordApiException.InvalidFormBody(errors);
        }

        var name = JsonFields.String(body, "name");
        var type = (ChannelType)(JsonFields.Integer(body, "type") ?? (long)ChannelType.PrivateThread);
        var autoArchive = (int)(JsonFields.Integer(body, "auto_archive_duration") ?? DefaultAutoArchiveMinutes);
        var invitable = JsonFields.Bool(body, "invitable") ?? true;
        if (string.IsNullOrEmpty(name))
        {
            var errors = new FormErrors();
            errors.Add("name", "BASE_TYPE_REQUIRED", "This field is required");
            throw DiscordApiException.InvalidFormBody(errors);
        }

        lock (_lock)
        {
            var parent = ChannelVisibleToLocked(parentId, bot);
            if (parent.Type != ChannelType.GuildText || type is not (ChannelType.PublicThread or ChannelType.PrivateThread))
            {
                throw new DiscordApiException(400, 50024, "Cannot execute action on this channel type");
            }

            RequirePermissionLocked(parent, bot.ApplicationId, type == ChannelType.PrivateThread ? Permissions.CreatePrivateThreads : Permissions.CreatePublicThreads);

            var now = _time.GetUtcNow();
            var thread = new DiscordChannel
            {
                Id = NewId(),
                Type = type,
                GuildId = parent.GuildId,
                Name = name,
                ParentId = parentId,
                OwnerId = bot.ApplicationId,
                Thread = new ThreadMetadata(false, false, type == ChannelType.PublicThread || invitable, autoArchive, now, now),
            };
            _channels[thread.Id] = thread;
            _threadMembers[thread.Id] = new() { [bot.ApplicationId] = now };
            return thread;
        }
    }

    /// <summary>Needs the ability to send in the thread (which, for a private one, the bot must be able to see).</summary>
    internal void AddThreadMember(BotApplication bot, ulong threadId, ulong userId)
    {
        lock (_lock)
        {
            var thread = ThreadVisibleToLocked(threadId, bot);
            RequirePermissionLocked(thread, bot.ApplicationId, Permissions.SendMessagesInThreads);
            if (thread.Thread!.Archived)
            {
                throw ArchivedThread();
            }

            if (!_members.ContainsKey((thread.GuildId!.Value, userId)))
            {
                throw DiscordApiException.UnknownMember();
            }

            _threadMembers[threadId].TryAdd(userId, _time.GetUtcNow());
        }
    }

    /// <summary>
    /// The bot may leave; removing someone else needs the ability to send in the thread, and Discord's own rule:
    /// MANAGE_THREADS, or having created the private thread.
    /// </summary>
    internal void RemoveThreadMember(BotApplication bot, ulong threadId, ulong userId)
    {
        lock (_lock)
        {
            var thread = ThreadVisibleToLocked(threadId, bot);
            if (userId != bot.ApplicationId)
            {
                RequirePermissionLocked(thread, bot.ApplicationId, Permissions.SendMessagesInThreads);
                if (!(thread.Type == ChannelType.PrivateThread && thread.OwnerId == bot.ApplicationId))
                {
                    RequirePermissionLocked(thread, bot.ApplicationId, Permissions.ManageThreads);
                }
            }

            if (thread.Thread!.Archived)
            {
                throw ArchivedThread();
            }

            if (!_threadMembers[threadId].Remove(userId))
            {
                throw DiscordApiException.UnknownMember();
            }
        }
    }

    /// <summary>The guild's unarchived threads the bot can see, and the bot's own memberships of them.</summary>
    internal (IReadOnlyList<DiscordChannel> Threads, IReadOnlyList<(ulong ThreadId, DateTimeOffset JoinedAt)> Joined) ActiveThreads(BotApplication bot, ulong guildId)
    {
        lock (_lock)
        {
            var threads = _channels.Values
                .Where(c => c.GuildId == guildId && c.Thread is { Archived: false } && CanSeeLocked(c, bot.ApplicationId))
                .OrderBy(c => c.Id)
                .ToList();
            var joined = threads
                .Where(t => _threadMembers[t.Id].ContainsKey(bot.ApplicationId))
                .Select(t => (t.Id, _threadMembers[t.Id][bot.ApplicationId]))
                .ToList();
            return (threads, joined);
        }
    }

    /// <summary>DELETE /channels/{id}: a thread needs MANAGE_THREADS, a guild channel MANAGE_CHANNELS.</summary>
    internal void DeleteChannel(BotApplication bot, ulong channelId)
    {
        lock (_lock)
        {
            var channel = ChannelVisibleToLocked(channelId, bot);
            if (channel.Type == ChannelType.DirectMessage)
            {
                throw new DiscordApiException(501, 0, "The emulator does not implement closing a DM.");
            }

            RequirePermissionLocked(channel, bot.ApplicationId, channel.IsThread ? Permissions.ManageThreads : Permissions.ManageChannels);
            DeleteChannelLocked(channelId);
            ChannelDeleted?.Invoke(channel);
        }
    }

    /// <summary>PATCH /channels/{id}: name and topic for channels; name, archived, locked, invitable and auto-archive for threads.</summary>
    internal DiscordChannel ModifyChannel(BotApplication bot, ulong channelId, JsonObject body)
    {
        lock (_lock)
        {
            var channel = ChannelVisibleToLocked(channelId, bot);
            if (channel.Type == ChannelType.DirectMessage)
            {
                throw new DiscordApiException(400, 50024, "Cannot execute action on this channel type");
            }

            var modified = channel with
            {
                Name = JsonFields.String(body, "name") ?? channel.Name,
                Topic = JsonFields.Has(body, "topic") ? JsonFields.String(body, "topic") : channel.Topic,
            };
            if (channel.Thread is { } thread)
            {
                var archived = JsonFields.Bool(body, "archived") ?? thread.Archived;
                modified = modified with
                {
                    Thread = thread with
                    {
                        Archived = archived,
                        Locked = JsonFields.Bool(body, "locked") ?? thread.Locked,
                        Invitable = channel.Type == ChannelType.PrivateThread ? JsonFields.Bool(body, "invitable") ?? thread.Invitable : thread.Invitable,
                        AutoArchiveDuration = (int?)JsonFields.Integer(body, "auto_archive_duration") ?? thread.AutoArchiveDuration,
                        ArchiveTimestamp = archived != thread.Archived ? _time.GetUtcNow() : thread.ArchiveTimestamp,
                    },
                };
                RequireThreadModificationLocked(bot, channel, modified);
            }

            _channels[channelId] = modified;
            ChannelModified?.Invoke(modified);
            return modified;
        }
    }

    /// <summary>
    /// MANAGE_THREADS may change anything. Without it, the thread's owner may rename it, change its settings and
    /// archive or unarchive it, and anyone who can send in it may unarchive it; locking, unlocking and unarchiving a
    /// locked thread stay with MANAGE_THREADS (docs: Modify Channel, thread parameters).
    /// </summary>
    private void RequireThreadModificationLocked(BotApplication bot, DiscordChannel thread, DiscordChannel modified)
    {
        if (HasPermissionLocked(thread, bot.ApplicationId, Permissions.ManageThreads))
        {
            return;
        }

        var (before, after) = (thread.Thread!, modified.Thread!);
        var owns = thread.OwnerId == bot.ApplicationId;
        var changesSettings = modified.Name != thread.Name || after.AutoArchiveDuration != before.AutoArchiveDuration || after.Invitable != before.Invitable;
        var archives = after.Archived && !before.Archived;
        var unarchives = before.Archived && !after.Archived;
        var allowed = after.Locked == before.Locked
            && !(unarchives && before.Locked)
            && (owns || (!changesSettings && !archives && (!unarchives || HasPermissionLocked(thread, bot.ApplicationId, Permissions.SendMessagesInThreads))));
        if (!allowed)
        {
            throw DiscordApiException.MissingPermissions();
        }
    }

    /// <summary>Removes a channel with its messages, and its threads; a deleted category's channels become uncategorized.</summary>
    private void DeleteChannelLocked(ulong channelId)
    {
        foreach (var child in _channels.Values.Where(c => c.ParentId == channelId).ToList())
        {
            if (child.IsThread)
            {
                DeleteChannelLocked(child.Id);
            }
            else
            {
                _channels[child.Id] = child with { ParentId = null };
            }
        }

        _channels.Remove(channelId);
        _messages.Remove(channelId);
        _threadMembers.Remove(channelId);
    }

    private DiscordChannel ThreadVisibleToLocked(ulong threadId, BotApplication bot)
    {
        var channel = ChannelVisibleToLocked(threadId, bot);
        return channel.IsThread ? channel : throw new DiscordApiException(400, 50024, "Cannot execute action on this channel type");
    }
}
