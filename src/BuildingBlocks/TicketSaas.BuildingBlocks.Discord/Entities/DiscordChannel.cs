using System.Text.Json.Serialization;

namespace TicketSaas.BuildingBlocks.Discord.Entities;

public enum ChannelType
{
    GuildText = 0,
    Dm = 1,
    GuildVoice = 2,
    GroupDm = 3,
    GuildCategory = 4,
    GuildAnnouncement = 5,
    AnnouncementThread = 10,
    PublicThread = 11,
    PrivateThread = 12,
    GuildStageVoice = 13,
    GuildDirectory = 14,
    GuildForum = 15,
    GuildMedia = 16,
}

/// <summary>A channel or thread. Fields a kind of channel lacks stay null.</summary>
public sealed class DiscordChannel
{
    public ulong Id { get; init; }
    public ChannelType Type { get; init; }
    public ulong? GuildId { get; init; }
    public string? Name { get; init; }
    public int? Position { get; init; }
    public IReadOnlyList<DiscordOverwrite>? PermissionOverwrites { get; init; }
    public string? Topic { get; init; }
    public bool? Nsfw { get; init; }
    public ulong? LastMessageId { get; init; }
    public int? RateLimitPerUser { get; init; }
    public IReadOnlyList<DiscordUser>? Recipients { get; init; }

    /// <summary>For a thread: the text channel it lives in; for a channel: its category.</summary>
    public ulong? ParentId { get; init; }
    public ulong? OwnerId { get; init; }
    public int? Flags { get; init; }
    public int? MessageCount { get; init; }
    public int? MemberCount { get; init; }
    public int? TotalMessageSent { get; init; }
    public int? DefaultAutoArchiveDuration { get; init; }
    public DiscordThreadMetadata? ThreadMetadata { get; init; }

    /// <summary>Only in interactions: the invoking member's permissions in this channel.</summary>
    public Permissions? Permissions { get; init; }

    [JsonIgnore]
    public bool IsThread => Type is ChannelType.AnnouncementThread or ChannelType.PublicThread or ChannelType.PrivateThread;
}

public sealed class DiscordThreadMetadata
{
    public bool Archived { get; init; }
    public int AutoArchiveDuration { get; init; }
    public DateTimeOffset ArchiveTimestamp { get; init; }
    public bool Locked { get; init; }

    /// <summary>Private threads only: whether non-moderators may add members.</summary>
    public bool? Invitable { get; init; }
    public DateTimeOffset? CreateTimestamp { get; init; }
}

/// <summary>A member of a thread; the active-threads list holds only the bot's own memberships.</summary>
public sealed class DiscordThreadMember
{
    /// <summary>The thread's id; absent where the thread is implied (a thread's own member field).</summary>
    public ulong? Id { get; init; }
    public ulong? UserId { get; init; }
    public DateTimeOffset JoinTimestamp { get; init; }

    /// <summary>Notification settings; unused.</summary>
    public int Flags { get; init; }
    public DiscordMember? Member { get; init; }
}

/// <summary>GET /guilds/{id}/threads/active: the threads, and the bot's membership in those it has joined.</summary>
public sealed class DiscordThreadList
{
    public IReadOnlyList<DiscordChannel> Threads { get; init; } = [];
    public IReadOnlyList<DiscordThreadMember> Members { get; init; } = [];
}

public sealed class DiscordOverwrite
{
    public ulong Id { get; init; }

    /// <summary>0 = role, 1 = member.</summary>
    public int Type { get; init; }
    public Permissions Allow { get; init; }
    public Permissions Deny { get; init; }
}

/// <summary>How long a thread stays open without activity; Discord accepts only these values.</summary>
public enum ThreadAutoArchiveDuration
{
    OneHour = 60,
    OneDay = 1440,
    ThreeDays = 4320,
    OneWeek = 10080,
}
