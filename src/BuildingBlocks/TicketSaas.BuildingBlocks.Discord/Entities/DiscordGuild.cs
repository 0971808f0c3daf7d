namespace TicketSaas.BuildingBlocks.Discord.Entities;

/// <summary>
/// A guild as GUILD_CREATE (with its channels and active threads) or GET /guilds/{id} (without them) delivers it:
/// the fields the support desk reads.
/// </summary>
public sealed class DiscordGuild
{
    public ulong Id { get; init; }
    public string? Name { get; init; }
    public ulong? OwnerId { get; init; }

    /// <summary>True while an outage hides the guild; the other fields are then absent.</summary>
    public bool? Unavailable { get; init; }
    public int? MemberCount { get; init; }
    public IReadOnlyList<DiscordRole>? Roles { get; init; }
    public IReadOnlyList<DiscordChannel>? Channels { get; init; }
    public IReadOnlyList<DiscordChannel>? Threads { get; init; }
}
