using TicketSaas.BuildingBlocks.Domain;

namespace TicketSaas.Modules.Identity.Domain.Users;

/// <summary>
/// What a user may do in one of their guilds, as Discord said at the last refresh: whether they manage it (owner,
/// ADMINISTRATOR or MANAGE_GUILD) and, where the bot is present, the ids of the roles they hold.
/// </summary>
public sealed class GuildMembership : Entity
{
    private GuildMembership(ulong userId, ulong guildId, string guildName, bool manages, IReadOnlyList<ulong> roleIds)
    {
        UserId = userId;
        GuildId = guildId;
        GuildName = guildName;
        Manages = manages;
        RoleIds = roleIds;
    }

    public ulong UserId { get; private set; }

    public ulong GuildId { get; private set; }

    public string GuildName { get; private set; }

    public bool Manages { get; private set; }

    /// <summary>Empty when the bot is absent: only the bot can read a member's roles.</summary>
    public IReadOnlyList<ulong> RoleIds { get; private set; }

    public static GuildMembership Of(ulong userId, ulong guildId, string guildName, bool manages, IReadOnlyList<ulong> roleIds) =>
        new(userId, guildId, guildName, manages, roleIds);

    public void Update(string guildName, bool manages, IReadOnlyList<ulong> roleIds)
    {
        GuildName = guildName;
        Manages = manages;
        RoleIds = roleIds;
    }
}
