using System.Globalization;

namespace TicketSaas.BuildingBlocks.Discord;

/// <summary>Discord's permission bits (developer docs, Topics › Permissions). The wire form is a decimal string.</summary>
[Flags]
#pragma warning disable CA1711 // "Permissions" is Discord's own name for the set.
public enum Permissions : ulong
#pragma warning restore CA1711
{
    None = 0,
    CreateInstantInvite = 1UL << 0,
    KickMembers = 1UL << 1,
    BanMembers = 1UL << 2,
    Administrator = 1UL << 3,
    ManageChannels = 1UL << 4,
    ManageGuild = 1UL << 5,
    AddReactions = 1UL << 6,
    ViewAuditLog = 1UL << 7,
    PrioritySpeaker = 1UL << 8,
    Stream = 1UL << 9,
    ViewChannel = 1UL << 10,
    SendMessages = 1UL << 11,
    SendTtsMessages = 1UL << 12,
    ManageMessages = 1UL << 13,
    EmbedLinks = 1UL << 14,
    AttachFiles = 1UL << 15,
    ReadMessageHistory = 1UL << 16,
    MentionEveryone = 1UL << 17,
    UseExternalEmojis = 1UL << 18,
    ViewGuildInsights = 1UL << 19,
    Connect = 1UL << 20,
    Speak = 1UL << 21,
    MuteMembers = 1UL << 22,
    DeafenMembers = 1UL << 23,
    MoveMembers = 1UL << 24,
    UseVad = 1UL << 25,
    ChangeNickname = 1UL << 26,
    ManageNicknames = 1UL << 27,
    ManageRoles = 1UL << 28,
    ManageWebhooks = 1UL << 29,
    ManageGuildExpressions = 1UL << 30,
    UseApplicationCommands = 1UL << 31,
    RequestToSpeak = 1UL << 32,
    ManageEvents = 1UL << 33,
    ManageThreads = 1UL << 34,
    CreatePublicThreads = 1UL << 35,
    CreatePrivateThreads = 1UL << 36,
    UseExternalStickers = 1UL << 37,
    SendMessagesInThreads = 1UL << 38,
    UseEmbeddedActivities = 1UL << 39,
    ModerateMembers = 1UL << 40,
    ViewCreatorMonetizationAnalytics = 1UL << 41,
    UseSoundboard = 1UL << 42,
    CreateGuildExpressions = 1UL << 43,
    CreateEvents = 1UL << 44,
    UseExternalSounds = 1UL << 45,
    SendVoiceMessages = 1UL << 46,
    SendPolls = 1UL << 49,
    UseExternalApps = 1UL << 50,
    PinMessages = 1UL << 51,
    BypassSlowmode = 1UL << 52,
}

public static class PermissionsExtensions
{
    /// <summary>
    /// Parses Discord's decimal string. Values may exceed 2^53, so never through a double; unknown bits are kept
    /// so a newer permission survives a round trip.
    /// </summary>
    public static Permissions Parse(string value) =>
        ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            ? (Permissions)bits
            : throw new FormatException($"\"{value}\" is not a Discord permission set: expected a decimal string such as \"2147483647\".");

    /// <summary>The set named by flag names such as "ViewChannel"; an unknown name throws, so a typo cannot drop a permission.</summary>
    public static Permissions FromNames(IEnumerable<string> names) =>
        names.Aggregate(Permissions.None, (set, name) => set | Enum.Parse<Permissions>(name, ignoreCase: false));

    public static string ToWireString(this Permissions permissions) =>
        ((ulong)permissions).ToString(CultureInfo.InvariantCulture);

    /// <summary>True when every bit of <paramref name="required"/> is present, or the set holds ADMINISTRATOR, which implies all.</summary>
    public static bool Grants(this Permissions permissions, Permissions required) =>
        (permissions & Permissions.Administrator) != 0 || (permissions & required) == required;
}
