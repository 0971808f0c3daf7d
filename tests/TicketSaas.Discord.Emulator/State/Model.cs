using System.Text.Json.Nodes;

namespace TicketSaas.Discord.Emulator.State;

public enum ChannelType
{
    GuildText = 0,
    DirectMessage = 1,
    GuildCategory = 4,
    PublicThread = 11,
    PrivateThread = 12,
}

public sealed record DiscordUser(ulong Id, string Username, string? GlobalName, bool IsBot, string? AvatarHash, bool AcceptsDirectMessages);

/// <summary>A bot identity. Its user id equals its application id, as for every application created since 2022.</summary>
public sealed record BotApplication(ulong ApplicationId, string Token, string Name, bool HasMessageContentIntent, bool HasGuildMembersIntent);

public sealed record DiscordGuild(ulong Id, string Name, ulong OwnerId);

/// <summary>The @everyone role has the guild's id, as on Discord. Anyone may mention a mentionable role.</summary>
public sealed record DiscordRole(ulong Id, ulong GuildId, string Name, ulong Permissions, int Position, bool Mentionable);

public enum OverwriteType
{
    Role = 0,
    Member = 1,
}

/// <summary>A channel's permission overwrite for a role (the @everyone role's id is the guild's) or a member.</summary>
public sealed record PermissionOverwrite(ulong Id, OverwriteType Type, ulong Allow, ulong Deny);

public sealed record GuildMember(ulong GuildId, ulong UserId, IReadOnlyList<ulong> RoleIds, string? Nick, DateTimeOffset JoinedAt);

public sealed record ThreadMetadata(bool Archived, bool Locked, bool Invitable, int AutoArchiveDuration, DateTimeOffset ArchiveTimestamp, DateTimeOffset CreatedAt);

public sealed record DiscordChannel
{
    public required ulong Id { get; init; }
    public required ChannelType Type { get; init; }
    public ulong? GuildId { get; init; }
    public string? Name { get; init; }
    public string? Topic { get; init; }
    public ulong? ParentId { get; init; }
    public ulong? OwnerId { get; init; }
    public int Position { get; init; }

    /// <summary>Guild channels only: a thread takes its parent's permissions.</summary>
    public IReadOnlyList<PermissionOverwrite> PermissionOverwrites { get; init; } = [];

    public ThreadMetadata? Thread { get; init; }
    public IReadOnlyList<ulong> Recipients { get; init; } = [];
    public ulong? LastMessageId { get; init; }

    public bool IsThread => Type is ChannelType.PublicThread or ChannelType.PrivateThread;
}

/// <summary>A guild's sticker; its image is on the CDN as stickers/{id}.png (PNG, APNG), .gif (GIF) or .json (Lottie).</summary>
public sealed record Sticker(ulong Id, string Name, StickerFormat FormatType)
{
    public string CdnPath => $"stickers/{Id}.{FormatType switch { StickerFormat.Gif => "gif", StickerFormat.Lottie => "json", _ => "png" }}";
}

public enum StickerFormat
{
    Png = 1,
    Apng = 2,
    Lottie = 3,
    Gif = 4,
}

public sealed record MessageAttachment(ulong Id, string Filename, string? Description, string ContentType, long Size, string CdnPath);

/// <summary>Embeds and components are stored as given; they are cloned on the way in and out, never shared.</summary>
public sealed record DiscordMessage
{
    public required ulong Id { get; init; }
    public required ulong ChannelId { get; init; }
    public required ulong AuthorId { get; init; }
    public int Type { get; init; }
    public string Content { get; init; } = "";
    public JsonArray Embeds { get; init; } = [];
    public JsonArray Components { get; init; } = [];
    public IReadOnlyList<MessageAttachment> Attachments { get; init; } = [];
    public IReadOnlyList<ulong> StickerIds { get; init; } = [];
    /// <summary>The users and roles the message mentions: those its content names that allowed_mentions let through.</summary>
    public IReadOnlyList<ulong> MentionIds { get; init; } = [];
    public IReadOnlyList<ulong> MentionRoleIds { get; init; } = [];
    public int Flags { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public DateTimeOffset? EditedTimestamp { get; init; }
    public string? Nonce { get; init; }
    public ulong? WebhookId { get; init; }
    public ulong? ApplicationId { get; init; }
    public ulong? ReferencedMessageId { get; init; }
    public ulong? InteractionId { get; init; }

    /// <summary>Set for ephemeral interaction replies: only this user sees them, and channel reads never list them.</summary>
    public ulong? VisibleOnlyTo { get; init; }
}

public sealed record StoredFile(byte[] Content, string ContentType);

/// <summary>A registered command: global when <see cref="GuildId"/> is null, else usable in that guild only.</summary>
public sealed record ApplicationCommand(ulong Id, ulong ApplicationId, JsonObject Definition, ulong? GuildId = null);

/// <summary>One interaction the emulator sent, and what the application did with it.</summary>
public sealed record InteractionRecord
{
    public required ulong Id { get; init; }
    public required string Token { get; init; }
    public required ulong ApplicationId { get; init; }
    public required int Type { get; init; }
    public ulong? GuildId { get; init; }
    public required ulong ChannelId { get; init; }
    public required ulong UserId { get; init; }

    /// <summary>The message whose component was used, for button clicks and selects.</summary>
    public ulong? MessageId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public int? CallbackType { get; init; }
    public JsonObject? CallbackData { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public ulong? OriginalMessageId { get; init; }
    public IReadOnlyList<ulong> FollowupMessageIds { get; init; } = [];
}
