using System.Globalization;
using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.State;

namespace TicketSaas.Discord.Emulator.Http;

/// <summary>Writes state as Discord's JSON objects (snowflakes as strings, ISO 8601 timestamps with +00:00).</summary>
internal sealed class Renderer(EmulatorState state, CdnLinks cdn)
{
    /// <summary>Writes '+', '&lt;' and non-ASCII as themselves, as Discord does, rather than as \u escapes.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Wire = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    public static JsonObject User(DiscordUser user)
    {
        var json = new JsonObject
        {
            ["id"] = Id(user.Id),
            ["username"] = user.Username,
            ["discriminator"] = "0",
            ["global_name"] = user.GlobalName,
            ["avatar"] = user.AvatarHash,
            ["public_flags"] = 0,
        };
        if (user.IsBot)
        {
            json["bot"] = true;
        }

        return json;
    }

    public static JsonObject Role(DiscordRole role) => new()
    {
        ["id"] = Id(role.Id),
        ["name"] = role.Name,
        ["color"] = 0,
        ["colors"] = new JsonObject { ["primary_color"] = 0, ["secondary_color"] = null, ["tertiary_color"] = null },
        ["hoist"] = false,
        ["icon"] = null,
        ["unicode_emoji"] = null,
        ["position"] = role.Position,
        ["permissions"] = Id(role.Permissions),
        ["managed"] = false,
        ["mentionable"] = role.Mentionable,
        ["flags"] = 0,
    };

    /// <summary>The guild object of GET /guilds/{id}: an unboosted community-less guild with default settings.</summary>
    public JsonObject Guild(DiscordGuild guild) => new()
    {
        ["id"] = Id(guild.Id),
        ["name"] = guild.Name,
        ["icon"] = null,
        ["description"] = null,
        ["home_header"] = null,
        ["splash"] = null,
        ["discovery_splash"] = null,
        ["features"] = new JsonArray(),
        ["banner"] = null,
        ["owner_id"] = Id(guild.OwnerId),
        ["application_id"] = null,
        ["region"] = "deprecated",
        ["afk_channel_id"] = null,
        ["afk_timeout"] = 300,
        ["system_channel_id"] = null,
        ["system_channel_flags"] = 0,
        ["widget_enabled"] = false,
        ["widget_channel_id"] = null,
        ["verification_level"] = 0,
        ["roles"] = new JsonArray([.. state.Roles(guild.Id).Select(r => (JsonNode)Role(r))]),
        ["default_message_notifications"] = 0,
        ["mfa_level"] = 0,
        ["explicit_content_filter"] = 0,
        ["max_presences"] = null,
        ["max_members"] = 500000,
        ["max_stage_video_channel_users"] = 50,
        ["max_video_channel_users"] = 25,
        ["vanity_url_code"] = null,
        ["premium_tier"] = 0,
        ["premium_subscription_count"] = 0,
        ["preferred_locale"] = "en-US",
        ["rules_channel_id"] = null,
        ["safety_alerts_channel_id"] = null,
        ["public_updates_channel_id"] = null,
        ["premium_progress_bar_enabled"] = false,
        ["nsfw"] = false,
        ["nsfw_level"] = 0,
        ["emojis"] = new JsonArray(),
        ["stickers"] = new JsonArray(),
        ["incidents_data"] = null,
    };

    public JsonObject Member(GuildMember member) => new()
    {
        ["user"] = User(state.User(member.UserId)!),
        ["nick"] = member.Nick,
        ["avatar"] = null,
        ["roles"] = new JsonArray([.. member.RoleIds.Select(r => (JsonNode)Id(r))]),
        ["joined_at"] = Timestamp(member.JoinedAt),
        ["deaf"] = false,
        ["mute"] = false,
        ["flags"] = 0,
        ["pending"] = false,
    };

    public JsonObject Channel(DiscordChannel channel)
    {
        var json = new JsonObject { ["id"] = Id(channel.Id), ["type"] = (int)channel.Type, ["flags"] = 0 };
        if (channel.Type == ChannelType.DirectMessage)
        {
            json["last_message_id"] = Optional(channel.LastMessageId);
            json["recipients"] = new JsonArray([.. channel.Recipients.Select(r => state.User(r)!).Where(u => !u.IsBot).Select(u => (JsonNode)User(u))]);
            return json;
        }

        json["guild_id"] = Id(channel.GuildId!.Value);
        json["name"] = channel.Name;
        json["parent_id"] = Optional(channel.ParentId);
        if (channel.Thread is { } thread)
        {
            var members = state.ThreadMembers(channel.Id).Count;
            var messages = state.Messages(channel.Id).Count(m => m.VisibleOnlyTo is null);
            json["owner_id"] = Optional(channel.OwnerId);
            json["last_message_id"] = Optional(channel.LastMessageId);
            json["rate_limit_per_user"] = 0;
            json["message_count"] = messages;
            json["member_count"] = Math.Min(members, 50);
            json["total_message_sent"] = messages;
            json["thread_metadata"] = new JsonObject
            {
                ["archived"] = thread.Archived,
                ["auto_archive_duration"] = thread.AutoArchiveDuration,
                ["archive_timestamp"] = Timestamp(thread.ArchiveTimestamp),
                ["locked"] = thread.Locked,
                ["invitable"] = thread.Invitable,
                ["create_timestamp"] = Timestamp(thread.CreatedAt),
            };
            return json;
        }

        json["position"] = channel.Position;
        json["permission_overwrites"] = new JsonArray([.. channel.PermissionOverwrites.Select(o => (JsonNode)new JsonObject
        {
            ["id"] = Id(o.Id),
            ["type"] = (int)o.Type,
            ["allow"] = Id(o.Allow),
            ["deny"] = Id(o.Deny),
        })]);
        json["nsfw"] = false;
        if (channel.Type == ChannelType.GuildText)
        {
            json["topic"] = channel.Topic;
            json["last_message_id"] = Optional(channel.LastMessageId);
            json["rate_limit_per_user"] = 0;
        }

        return json;
    }

    /// <summary>
    /// A message as <paramref name="viewer"/> receives it: without MESSAGE_CONTENT its content, embeds,
    /// attachments, components (and poll) come back empty, unless the message is the bot's own, a DM or mentions it.
    /// </summary>
    public JsonObject Message(DiscordMessage message, BotApplication viewer)
    {
        var visible = state.ContentVisibleTo(viewer, message);
        var author = state.User(message.AuthorId)!;
        var json = new JsonObject
        {
            ["id"] = Id(message.Id),
            ["type"] = message.Type,
            ["channel_id"] = Id(message.ChannelId),
            ["author"] = User(author),
            ["content"] = visible ? message.Content : "",
            ["timestamp"] = Timestamp(message.Timestamp),
            ["edited_timestamp"] = message.EditedTimestamp is { } edited ? Timestamp(edited) : null,
            ["tts"] = false,
            ["mention_everyone"] = false,
            ["mentions"] = new JsonArray([.. message.MentionIds.Select(id => (JsonNode)User(state.User(id)!))]),
            ["mention_roles"] = new JsonArray([.. message.MentionRoleIds.Select(id => (JsonNode)Id(id))]),
            ["attachments"] = visible ? new JsonArray([.. message.Attachments.Select(a => (JsonNode)Attachment(a))]) : new JsonArray(),
            ["embeds"] = visible ? message.Embeds.DeepClone() : new JsonArray(),
            ["components"] = visible ? message.Components.DeepClone() : new JsonArray(),
            ["pinned"] = false,
            ["flags"] = message.Flags,
        };
        // Stickers are not content: Discord shows them to applications without MESSAGE_CONTENT too.
        if (message.StickerIds.Count > 0)
        {
            json["sticker_items"] = new JsonArray([.. message.StickerIds.Select(id => state.Sticker(id)!).Select(s => (JsonNode)new JsonObject
            {
                ["id"] = Id(s.Id),
                ["name"] = s.Name,
                ["format_type"] = (int)s.FormatType,
            })]);
        }

        if (message.Nonce is { } nonce)
        {
            json["nonce"] = nonce;
        }

        if (message.WebhookId is { } webhook)
        {
            json["webhook_id"] = Id(webhook);
            json["application_id"] = Id(message.ApplicationId!.Value);
        }

        if (message.ReferencedMessageId is { } referenced)
        {
            json["message_reference"] = new JsonObject { ["type"] = 0, ["channel_id"] = Id(message.ChannelId), ["message_id"] = Id(referenced) };
        }

        if (message.InteractionId is { } interactionId && state.Interaction(interactionId) is { } interaction)
        {
            json["interaction_metadata"] = new JsonObject
            {
                ["id"] = Id(interaction.Id),
                ["type"] = interaction.Type,
                ["user"] = User(state.User(interaction.UserId)!),
                ["authorizing_integration_owners"] = new JsonObject(),
            };
        }

        return json;
    }

    public static JsonObject ThreadMember(ulong threadId, ulong userId, DateTimeOffset joinedAt) => new()
    {
        ["id"] = Id(threadId),
        ["user_id"] = Id(userId),
        ["join_timestamp"] = Timestamp(joinedAt),
        ["flags"] = 0,
    };

    public JsonObject Attachment(MessageAttachment attachment)
    {
        var url = cdn.SignedUrl(attachment.CdnPath);
        var json = new JsonObject
        {
            ["id"] = Id(attachment.Id),
            ["filename"] = attachment.Filename,
            ["size"] = attachment.Size,
            ["url"] = url,
            ["proxy_url"] = url,
            ["content_type"] = attachment.ContentType,
        };
        if (attachment.Description is { } description)
        {
            json["description"] = description;
        }

        return json;
    }

    private static JsonNode? Optional(ulong? id) => id is { } value ? Id(value) : null;
}
