namespace TicketSaas.BuildingBlocks.Discord.Entities;

public sealed class DiscordMessage
{
    public ulong Id { get; init; }
    public ulong ChannelId { get; init; }
    public DiscordUser? Author { get; init; }

    /// <summary>Only in MESSAGE_CREATE and MESSAGE_UPDATE of a guild: the author's member data (roles), without its user.</summary>
    public DiscordMember? Member { get; init; }
    public string Content { get; init; } = "";
    public DateTimeOffset Timestamp { get; init; }
    public DateTimeOffset? EditedTimestamp { get; init; }
    public bool Tts { get; init; }
    public bool MentionEveryone { get; init; }
    public IReadOnlyList<DiscordUser> Mentions { get; init; } = [];
    public IReadOnlyList<ulong> MentionRoles { get; init; } = [];
    public IReadOnlyList<DiscordAttachment> Attachments { get; init; } = [];
    public IReadOnlyList<DiscordEmbed> Embeds { get; init; } = [];
    public IReadOnlyList<DiscordReaction>? Reactions { get; init; }
    public bool Pinned { get; init; }
    public ulong? WebhookId { get; init; }
    public int Type { get; init; }
    public ulong? ApplicationId { get; init; }
    public MessageFlags? Flags { get; init; }
    public DiscordMessageReference? MessageReference { get; init; }
    public DiscordMessage? ReferencedMessage { get; init; }
    public IReadOnlyList<DiscordComponent>? Components { get; init; }

    /// <summary>The stickers sent with the message: id, name and format only; the image is on the CDN under the id.</summary>
    public IReadOnlyList<DiscordStickerItem>? StickerItems { get; init; }
}

[Flags]
public enum MessageFlags
{
    None = 0,
    Crossposted = 1 << 1,
    SuppressEmbeds = 1 << 2,

    /// <summary>Only the invoking member sees the message (interaction responses and follow-ups only).</summary>
    Ephemeral = 1 << 6,
    SuppressNotifications = 1 << 12,

    /// <summary>The message is laid out with components only; content and embeds are not allowed.</summary>
    IsComponentsV2 = 1 << 15,
}

/// <summary>Which mentions in the content notify anyone. Sent on every message so user text never pings @everyone.</summary>
public sealed class DiscordAllowedMentions
{
    /// <summary>Kinds mentioned by parsing the content: "users", "roles", "everyone"; empty parses none.</summary>
    public IReadOnlyList<string> Parse { get; init; } = [];
    public IReadOnlyList<ulong>? Users { get; init; }
    public IReadOnlyList<ulong>? Roles { get; init; }
    public bool? RepliedUser { get; init; }

    public static DiscordAllowedMentions None { get; } = new();

    public static DiscordAllowedMentions Only(IReadOnlyList<ulong> users, IReadOnlyList<ulong> roles) =>
        new() { Users = users, Roles = roles };
}

public sealed class DiscordMessageReference
{
    /// <summary>0 = reply, 1 = forward.</summary>
    public int? Type { get; init; }
    public ulong? MessageId { get; init; }
    public ulong? ChannelId { get; init; }
    public ulong? GuildId { get; init; }
}

public sealed class DiscordReaction
{
    public int Count { get; init; }
    public DiscordEmoji Emoji { get; init; } = new();
}

/// <summary>A custom emoji (id set) or a unicode one (id null, name is the character).</summary>
public sealed class DiscordEmoji
{
    public ulong? Id { get; init; }
    public string? Name { get; init; }
    public bool? Animated { get; init; }
}

public sealed class DiscordStickerItem
{
    public ulong Id { get; init; }
    public string Name { get; init; } = "";
    public StickerFormat FormatType { get; init; }
}

/// <summary>How the CDN serves a sticker: PNG and APNG as .png, GIF as .gif, Lottie as .json (an animation for a script player).</summary>
public enum StickerFormat
{
    Png = 1,
    Apng = 2,
    Lottie = 3,
    Gif = 4,
}

public sealed class DiscordAttachment
{
    public ulong Id { get; init; }
    public string Filename { get; init; } = "";
    public string? Description { get; init; }
    public string? ContentType { get; init; }
    public long Size { get; init; }

    /// <summary>Signed CDN link that expires: copy the file while it is valid.</summary>
    public string Url { get; init; } = "";
    public string? ProxyUrl { get; init; }
    public int? Height { get; init; }
    public int? Width { get; init; }
    public bool? Ephemeral { get; init; }
}

public sealed class DiscordEmbed
{
    public string? Title { get; init; }

    /// <summary>Always "rich" for what bots send; received embeds may be "image", "video", "link"…</summary>
    public string? Type { get; init; }
    public string? Description { get; init; }
    public string? Url { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public int? Color { get; init; }
    public DiscordEmbedFooter? Footer { get; init; }
    public DiscordEmbedMedia? Image { get; init; }
    public DiscordEmbedMedia? Thumbnail { get; init; }
    public DiscordEmbedAuthor? Author { get; init; }
    public IReadOnlyList<DiscordEmbedField>? Fields { get; init; }
}

public sealed record DiscordEmbedFooter(string Text)
{
    public string? IconUrl { get; init; }
}

public sealed record DiscordEmbedAuthor(string Name)
{
    public string? Url { get; init; }
    public string? IconUrl { get; init; }
}

public sealed record DiscordEmbedField(string Name, string Value)
{
    public bool? Inline { get; init; }
}

public sealed record DiscordEmbedMedia(string Url)
{
    public string? ProxyUrl { get; init; }
    public int? Height { get; init; }
    public int? Width { get; init; }
}
