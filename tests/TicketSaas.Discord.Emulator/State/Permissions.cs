namespace TicketSaas.Discord.Emulator.State;

/// <summary>Permission bits (Discord's values): those the emulator enforces, and those of the @everyone default.</summary>
public static class Permissions
{
    public const ulong CreateInstantInvite = 1UL << 0;
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageChannels = 1UL << 4;
    public const ulong ManageGuild = 1UL << 5;
    public const ulong AddReactions = 1UL << 6;
    public const ulong Stream = 1UL << 9;
    public const ulong ViewChannel = 1UL << 10;
    public const ulong SendMessages = 1UL << 11;
    public const ulong ManageMessages = 1UL << 13;
    public const ulong EmbedLinks = 1UL << 14;
    public const ulong AttachFiles = 1UL << 15;
    public const ulong ReadMessageHistory = 1UL << 16;
    public const ulong MentionEveryone = 1UL << 17;
    public const ulong UseExternalEmojis = 1UL << 18;
    public const ulong Connect = 1UL << 20;
    public const ulong Speak = 1UL << 21;
    public const ulong UseVoiceActivity = 1UL << 25;
    public const ulong ChangeNickname = 1UL << 26;
    public const ulong UseApplicationCommands = 1UL << 31;
    public const ulong RequestToSpeak = 1UL << 32;
    public const ulong ManageThreads = 1UL << 34;
    public const ulong CreatePublicThreads = 1UL << 35;
    public const ulong CreatePrivateThreads = 1UL << 36;
    public const ulong UseExternalStickers = 1UL << 37;
    public const ulong SendMessagesInThreads = 1UL << 38;
    public const ulong UseEmbeddedActivities = 1UL << 39;

    /// <summary>What an owner or administrator holds: every bit Discord defines up to 1 &lt;&lt; 50.</summary>
    public const ulong All = (1UL << 51) - 1;

    /// <summary>
    /// The @everyone role of a new guild, as Discord creates it (1071698660929, the value real guilds report):
    /// members see, talk, attach, react, mention @everyone, use commands and create and talk in threads.
    /// </summary>
    public const ulong EveryoneDefault = CreateInstantInvite | AddReactions | Stream | ViewChannel | SendMessages
        | EmbedLinks | AttachFiles | ReadMessageHistory | MentionEveryone | UseExternalEmojis | Connect | Speak
        | UseVoiceActivity | ChangeNickname | UseApplicationCommands | RequestToSpeak | CreatePublicThreads
        | CreatePrivateThreads | UseExternalStickers | SendMessagesInThreads | UseEmbeddedActivities;
}
