using TicketSaas.Discord.Emulator.Http;

namespace TicketSaas.Discord.Emulator.State;

/// <summary>Permissions computed as Discord documents them (topics/permissions, "Permission Hierarchy").</summary>
public sealed partial class EmulatorState
{
    private ulong GuildPermissionsLocked(ulong guildId, ulong userId)
    {
        if (!_guilds.TryGetValue(guildId, out var guild) || !_members.TryGetValue((guildId, userId), out var member))
        {
            return 0;
        }

        if (guild.OwnerId == userId)
        {
            return Permissions.All;
        }

        var permissions = _roles[guildId].Permissions;
        foreach (var roleId in member.RoleIds)
        {
            permissions |= _roles.TryGetValue(roleId, out var role) ? role.Permissions : 0;
        }

        return (permissions & Permissions.Administrator) != 0 ? Permissions.All : permissions;
    }

    /// <summary>
    /// Base permissions, then the channel's @everyone overwrite, the member's role overwrites combined, and the
    /// member's own overwrite, each denying before allowing; owners and administrators skip the overwrites. A thread
    /// has its parent's permissions. Without VIEW_CHANNEL nothing else counts (Discord's implicit permissions).
    /// </summary>
    private ulong ChannelPermissionsLocked(DiscordChannel channel, ulong userId)
    {
        if (channel.IsThread)
        {
            channel = _channels[channel.ParentId!.Value];
        }

        var guildId = channel.GuildId!.Value;
        var permissions = GuildPermissionsLocked(guildId, userId);
        if ((permissions & Permissions.Administrator) != 0 || !_members.TryGetValue((guildId, userId), out var member))
        {
            return permissions;
        }

        var overwrites = channel.PermissionOverwrites;
        var roles = overwrites.Where(o => o.Type == OverwriteType.Role && member.RoleIds.Contains(o.Id)).ToList();
        permissions = Apply(permissions, overwrites.Where(o => o.Type == OverwriteType.Role && o.Id == guildId).ToList());
        permissions = Apply(permissions, roles);
        permissions = Apply(permissions, overwrites.Where(o => o.Type == OverwriteType.Member && o.Id == userId).ToList());
        return (permissions & Permissions.ViewChannel) == 0 ? 0 : permissions;

        static ulong Apply(ulong permissions, List<PermissionOverwrite> overwrites)
        {
            var deny = overwrites.Aggregate(0UL, (bits, o) => bits | o.Deny);
            var allow = overwrites.Aggregate(0UL, (bits, o) => bits | o.Allow);
            return (permissions & ~deny) | allow;
        }
    }

    private bool HasPermissionLocked(DiscordChannel channel, ulong userId, ulong permission) =>
        (ChannelPermissionsLocked(channel, userId) & permission) == permission;

    private void RequirePermissionLocked(DiscordChannel channel, ulong userId, ulong permission)
    {
        if (!HasPermissionLocked(channel, userId, permission))
        {
            throw DiscordApiException.MissingPermissions();
        }
    }

    /// <summary>VIEW_CHANNEL in a guild channel; a private thread also needs its membership or MANAGE_THREADS.</summary>
    private bool CanSeeLocked(DiscordChannel channel, ulong userId) =>
        HasPermissionLocked(channel, userId, Permissions.ViewChannel)
        && (channel.Type != ChannelType.PrivateThread || _threadMembers[channel.Id].ContainsKey(userId)
            || HasPermissionLocked(channel, userId, Permissions.ManageThreads));
}
