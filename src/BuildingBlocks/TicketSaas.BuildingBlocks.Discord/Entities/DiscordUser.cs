using System.Text.Json.Serialization;

namespace TicketSaas.BuildingBlocks.Discord.Entities;

public sealed class DiscordUser
{
    public ulong Id { get; init; }
    public string Username { get; init; } = "";
    public string? GlobalName { get; init; }
    public string? Discriminator { get; init; }
    public string? Avatar { get; init; }
    public bool? Bot { get; init; }
    public bool? System { get; init; }
    public int? PublicFlags { get; init; }

    /// <summary>What Discord shows: the display name when set, else the username.</summary>
    [JsonIgnore]
    public string DisplayName => GlobalName ?? Username;
}

public sealed class DiscordMember
{
    /// <summary>Absent where the member rides along with its user, such as a message author's member.</summary>
    public DiscordUser? User { get; init; }
    public string? Nick { get; init; }
    public string? Avatar { get; init; }
    public IReadOnlyList<ulong> Roles { get; init; } = [];
    public DateTimeOffset? JoinedAt { get; init; }
    public DateTimeOffset? PremiumSince { get; init; }
    public bool? Deaf { get; init; }
    public bool? Mute { get; init; }
    public bool? Pending { get; init; }
    public int? Flags { get; init; }
    public DateTimeOffset? CommunicationDisabledUntil { get; init; }

    /// <summary>Only in interactions: the member's permissions in the interaction's channel, overwrites included.</summary>
    public Permissions? Permissions { get; init; }
}

public sealed class DiscordRole
{
    public ulong Id { get; init; }
    public string Name { get; init; } = "";
    public int Color { get; init; }
    public bool Hoist { get; init; }
    public int Position { get; init; }
    public Permissions Permissions { get; init; }
    public bool Managed { get; init; }
    public bool Mentionable { get; init; }
    public int? Flags { get; init; }
}

/// <summary>An entry of GET /users/@me/guilds.</summary>
public sealed class DiscordPartialGuild
{
    public ulong Id { get; init; }
    public string Name { get; init; } = "";
    public string? Icon { get; init; }
    public string? Banner { get; init; }
    public bool Owner { get; init; }

    /// <summary>The user's guild-wide permissions. An owner manages the guild whatever these bits say.</summary>
    public Permissions Permissions { get; init; }
    public IReadOnlyList<string> Features { get; init; } = [];
    public int? ApproximateMemberCount { get; init; }
    public int? ApproximatePresenceCount { get; init; }
}
