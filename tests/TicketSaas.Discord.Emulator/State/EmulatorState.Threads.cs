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
            _threadMembers[thread.Id] = [bot.ApplicationId];
            return thread;
        }
    }

    internal void AddThreadMember(BotApplication bot, ulong threadId, ulong userId)
    {
        lock (_lock)
        {
            var thread = ThreadVisibleToLocked(threadId, bot);
            if (thread.Thread!.Archived)
            {
                throw ArchivedThread();
            }

            if (!_members.ContainsKey((thread.GuildId!.Value, userId)))
            {
                throw DiscordApiException.UnknownMember();
            }

            _threadMembers[threadId].Add(userId);
        }
    }

    internal void RemoveThreadMember(BotApplication bot, ulong threadId, ulong userId)
    {
        lock (_lock)
        {
            var thread = ThreadVisibleToLocked(threadId, bot);
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
            }

            _channels[channelId] = modified;
            ChannelModified?.Invoke(modified);
            return modified;
        }
    }

    private DiscordChannel ThreadVisibleToLocked(ulong threadId, BotApplication bot)
    {
        var channel = ChannelVisibleToLocked(threadId, bot);
        return channel.IsThread ? channel : throw new DiscordApiException(400, 50024, "Cannot execute action on this channel type");
    }
}
