using TicketSaas.BuildingBlocks.Discord.Entities;

namespace TicketSaas.BuildingBlocks.Discord.Tests;

/// <summary>Discord's permission algorithm (owner, base roles, administrator, then overwrites in order) case by case.</summary>
public sealed class ChannelPermissionTests
{
    private const ulong GuildId = 100;
    private const ulong OwnerId = 200;
    private const ulong MemberId = 500;
    private const ulong Staff = 10;
    private const ulong Admins = 11;
    private const ulong Helpers = 12;

    private const Permissions View = Permissions.ViewChannel;
    private const Permissions Send = Permissions.SendMessages;

    private static readonly DiscordGuild Guild = new() { Id = GuildId, OwnerId = OwnerId };

    private static readonly DiscordRole[] Roles =
    [
        new() { Id = GuildId, Name = "@everyone", Permissions = View | Send },
        new() { Id = Staff, Name = "Staff", Permissions = Permissions.ManageThreads },
        new() { Id = Admins, Name = "Admins", Permissions = Permissions.Administrator },
        new() { Id = Helpers, Name = "Helpers", Permissions = Permissions.None },
    ];

    public static TheoryData<string, ulong, ulong[], DiscordOverwrite[], Permissions> Cases => new()
    {
        { "the owner holds everything, whatever is denied", OwnerId, [], [Member(OwnerId, deny: View)], ChannelPermissions.All },
        { "without overwrites: @everyone's permissions", MemberId, [], [], View | Send },
        { "the member's roles add theirs", MemberId, [Staff], [], View | Send | Permissions.ManageThreads },
        { "a role the guild does not list adds nothing", MemberId, [999], [], View | Send },
        { "administrator holds everything, whatever is denied", MemberId, [Admins], [Member(MemberId, deny: View | Send)], ChannelPermissions.All },
        { "@everyone's overwrite denies", MemberId, [], [Role(GuildId, deny: Send)], View },
        { "@everyone's overwrite allows", MemberId, [], [Role(GuildId, allow: Permissions.CreatePrivateThreads)], View | Send | Permissions.CreatePrivateThreads },
        { "a role's allow beats @everyone's deny", MemberId, [Helpers], [Role(GuildId, deny: Send), Role(Helpers, allow: Send)], View | Send },
        { "a role's allow beats another role's deny", MemberId, [Staff, Helpers],
            [Role(Staff, deny: Permissions.SendMessagesInThreads), Role(Helpers, allow: Permissions.SendMessagesInThreads)],
            View | Send | Permissions.ManageThreads | Permissions.SendMessagesInThreads },
        { "a role's deny removes what the base gave", MemberId, [Staff], [Role(Staff, deny: Permissions.ManageThreads)], View | Send },
        { "the member's overwrite beats the roles'", MemberId, [Helpers], [Role(Helpers, allow: Permissions.AttachFiles), Member(MemberId, deny: Permissions.AttachFiles | Send)], View },
        { "the member's allow beats @everyone's deny", MemberId, [], [Role(GuildId, deny: Send), Member(MemberId, allow: Send)], View | Send },
        { "overwrites of roles the member lacks do not apply", MemberId, [], [Role(Helpers, deny: Send)], View | Send },
        { "overwrites of other members do not apply", MemberId, [], [Member(MemberId + 1, deny: Send)], View | Send },
        { "a member overwrite with a role's id is not the role's", MemberId, [Helpers], [Member(Helpers, deny: Send)], View | Send },
        { "without view channel nothing is held", MemberId, [Staff], [Role(GuildId, deny: View)], Permissions.None },
        { "a role may give view channel back", MemberId, [Staff], [Role(GuildId, deny: View), Role(Staff, allow: View)], View | Send | Permissions.ManageThreads },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Permissions_in_a_channel_follow_discords_order(string @case, ulong userId, ulong[] memberRoles, DiscordOverwrite[] overwrites,
        Permissions expected)
    {
        var member = new DiscordMember { Roles = memberRoles };
        var channel = new DiscordChannel { Id = 101, GuildId = GuildId, PermissionOverwrites = overwrites };

        var actual = ChannelPermissions.Compute(Guild, Roles, member, userId, channel);

        Assert.True(expected == actual, $"{@case}: expected {expected}, got {actual}");
    }

    [Fact]
    public void Missing_permissions_are_named_as_discord_shows_them_in_bit_order()
    {
        var required = View | Permissions.SendMessagesInThreads | Permissions.CreatePrivateThreads | Permissions.ManageThreads;

        Assert.Equal(["Manage Threads", "Create Private Threads", "Send Messages in Threads"], ChannelPermissions.MissingNames(View | Send, required));
        Assert.Empty(ChannelPermissions.MissingNames(required, required));
        Assert.Empty(ChannelPermissions.MissingNames(Permissions.Administrator, required));
        Assert.Equal(["View Channel", "Permission 1 << 60"], ChannelPermissions.MissingNames(Send, View | (Permissions)(1UL << 60)));
    }

    [Fact]
    public void Every_known_permission_has_a_name() =>
        Assert.All(Enum.GetValues<Permissions>().Where(p => p != Permissions.None),
            permission => Assert.DoesNotContain("1 <<", Assert.Single(ChannelPermissions.MissingNames(Permissions.None, permission)), StringComparison.Ordinal));

    private static DiscordOverwrite Role(ulong id, Permissions allow = Permissions.None, Permissions deny = Permissions.None) =>
        new() { Id = id, Type = 0, Allow = allow, Deny = deny };

    private static DiscordOverwrite Member(ulong id, Permissions allow = Permissions.None, Permissions deny = Permissions.None) =>
        new() { Id = id, Type = 1, Allow = allow, Deny = deny };
}
