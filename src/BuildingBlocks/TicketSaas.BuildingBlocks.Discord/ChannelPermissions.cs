using System.Globalization;
using TicketSaas.BuildingBlocks.Discord.Entities;

namespace TicketSaas.BuildingBlocks.Discord;

/// <summary>
/// A member's permissions in a channel, computed as Discord does (developer docs, Topics › Permissions, "Permission
/// Overwrites"), and the names Discord's client shows for them. Interactions carry these already computed for the
/// invoking member and the bot; this serves everything else, such as checking the bot's rights in a channel before
/// opening tickets there.
/// </summary>
public static class ChannelPermissions
{
    /// <summary>Every bit, also those Discord adds later: what the owner and administrators hold.</summary>
    public const Permissions All = (Permissions)ulong.MaxValue;

    private const int RoleOverwrite = 0;
    private const int MemberOverwrite = 1;

    /// <summary>
    /// The owner holds everything. Otherwise the base is the @everyone role (whose id is the guild's) with the member's
    /// roles; ADMINISTRATOR there holds everything. Then the channel's overwrites apply in Discord's order: @everyone's,
    /// then the member's roles' combined (a role's allow beats another role's deny), then the member's own. Without
    /// VIEW_CHANNEL the member holds nothing in the channel. A thread has no overwrites of its own: pass its parent
    /// channel, and check SEND_MESSAGES_IN_THREADS rather than SEND_MESSAGES (a private thread also needs the member in
    /// it or MANAGE_THREADS). A timeout, which leaves only VIEW_CHANNEL and READ_MESSAGE_HISTORY, is not applied.
    /// </summary>
    /// <param name="guild">Its id and owner_id are read.</param>
    /// <param name="roles">The guild's roles (GET /guilds/{id}/roles or the guild's own); roles not listed count as none.</param>
    /// <param name="member">Its role ids are read.</param>
    /// <param name="memberUserId">The member's user id, which members delivered without their user lack.</param>
    /// <param name="channel">Its permission overwrites are read.</param>
    public static Permissions Compute(DiscordGuild guild, IReadOnlyList<DiscordRole> roles, DiscordMember member, ulong memberUserId,
        DiscordChannel channel)
    {
        if (guild.OwnerId == memberUserId)
        {
            return All;
        }

        var memberRoles = member.Roles.ToHashSet();
        var permissions = Permissions.None;
        foreach (var role in roles)
        {
            if (role.Id == guild.Id || memberRoles.Contains(role.Id))
            {
                permissions |= role.Permissions;
            }
        }

        if (permissions.HasFlag(Permissions.Administrator))
        {
            return All;
        }

        var overwrites = channel.PermissionOverwrites ?? [];
        if (overwrites.FirstOrDefault(o => o.Type == RoleOverwrite && o.Id == guild.Id) is { } everyone)
        {
            permissions = (permissions & ~everyone.Deny) | everyone.Allow;
        }

        var allow = Permissions.None;
        var deny = Permissions.None;
        foreach (var overwrite in overwrites.Where(o => o.Type == RoleOverwrite && memberRoles.Contains(o.Id)))
        {
            allow |= overwrite.Allow;
            deny |= overwrite.Deny;
        }

        permissions = (permissions & ~deny) | allow;
        if (overwrites.FirstOrDefault(o => o.Type == MemberOverwrite && o.Id == memberUserId) is { } own)
        {
            permissions = (permissions & ~own.Deny) | own.Allow;
        }

        return permissions.HasFlag(Permissions.ViewChannel) ? permissions : Permissions.None;
    }

    /// <summary>
    /// The permissions of <paramref name="required"/> that <paramref name="granted"/> lacks, by the names Discord's client
    /// shows in a channel's settings (server settings for server-wide ones), in bit order: e.g. ["Create Private Threads",
    /// "Send Messages in Threads"]. Empty when nothing is missing; ADMINISTRATOR lacks nothing.
    /// </summary>
    public static IReadOnlyList<string> MissingNames(Permissions granted, Permissions required)
    {
        if (granted.HasFlag(Permissions.Administrator))
        {
            return [];
        }

        var missing = (ulong)(required & ~granted);
        var names = new List<string>();
        for (var bit = 0; bit < 64; bit++)
        {
            var permission = (Permissions)(1UL << bit);
            if ((missing & (ulong)permission) != 0)
            {
                names.Add(Names.GetValueOrDefault(permission) ?? string.Create(CultureInfo.InvariantCulture, $"Permission 1 << {bit}"));
            }
        }

        return names;
    }

    private static readonly Dictionary<Permissions, string> Names = new()
    {
        [Permissions.CreateInstantInvite] = "Create Invite",
        [Permissions.KickMembers] = "Kick, Approve, and Reject Members",
        [Permissions.BanMembers] = "Ban Members",
        [Permissions.Administrator] = "Administrator",
        [Permissions.ManageChannels] = "Manage Channel",
        [Permissions.ManageGuild] = "Manage Server",
        [Permissions.AddReactions] = "Add Reactions",
        [Permissions.ViewAuditLog] = "View Audit Log",
        [Permissions.PrioritySpeaker] = "Priority Speaker",
        [Permissions.Stream] = "Video",
        [Permissions.ViewChannel] = "View Channel",
        [Permissions.SendMessages] = "Send Messages",
        [Permissions.SendTtsMessages] = "Send Text-to-Speech Messages",
        [Permissions.ManageMessages] = "Manage Messages",
        [Permissions.EmbedLinks] = "Embed Links",
        [Permissions.AttachFiles] = "Attach Files",
        [Permissions.ReadMessageHistory] = "Read Message History",
        [Permissions.MentionEveryone] = "Mention @everyone, @here, and All Roles",
        [Permissions.UseExternalEmojis] = "Use External Emoji",
        [Permissions.ViewGuildInsights] = "View Server Insights",
        [Permissions.Connect] = "Connect",
        [Permissions.Speak] = "Speak",
        [Permissions.MuteMembers] = "Mute Members",
        [Permissions.DeafenMembers] = "Deafen Members",
        [Permissions.MoveMembers] = "Move Members",
        [Permissions.UseVad] = "Use Voice Activity",
        [Permissions.ChangeNickname] = "Change Nickname",
        [Permissions.ManageNicknames] = "Manage Nicknames",
        [Permissions.ManageRoles] = "Manage Permissions",
        [Permissions.ManageWebhooks] = "Manage Webhooks",
        [Permissions.ManageGuildExpressions] = "Manage Expressions",
        [Permissions.UseApplicationCommands] = "Use Application Commands",
        [Permissions.RequestToSpeak] = "Request to Speak",
        [Permissions.ManageEvents] = "Manage Events",
        [Permissions.ManageThreads] = "Manage Threads",
        [Permissions.CreatePublicThreads] = "Create Public Threads",
        [Permissions.CreatePrivateThreads] = "Create Private Threads",
        [Permissions.UseExternalStickers] = "Use External Stickers",
        [Permissions.SendMessagesInThreads] = "Send Messages in Threads",
        [Permissions.UseEmbeddedActivities] = "Use Activities",
        [Permissions.ModerateMembers] = "Timeout Members",
        [Permissions.ViewCreatorMonetizationAnalytics] = "View Server Subscription Insights",
        [Permissions.UseSoundboard] = "Use Soundboard",
        [Permissions.CreateGuildExpressions] = "Create Expressions",
        [Permissions.CreateEvents] = "Create Events",
        [Permissions.UseExternalSounds] = "Use External Sounds",
        [Permissions.SendVoiceMessages] = "Send Voice Messages",
        [Permissions.SendPolls] = "Create Polls",
        [Permissions.UseExternalApps] = "Use External Apps",
        [Permissions.PinMessages] = "Pin Messages",
        [Permissions.BypassSlowmode] = "Bypass Slowmode",
    };
}
