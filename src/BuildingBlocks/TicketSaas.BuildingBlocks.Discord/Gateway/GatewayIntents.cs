namespace TicketSaas.BuildingBlocks.Discord.Gateway;

/// <summary>
/// Which events Discord sends a gateway connection. Interactions need no intent. The two privileged intents must
/// also be switched on for the bot in the Developer Portal; identifying with one that is not closes with 4014.
/// </summary>
[Flags]
public enum GatewayIntents
{
    None = 0,

    /// <summary>GUILD_CREATE/DELETE, CHANNEL_UPDATE/DELETE, THREAD_UPDATE/DELETE.</summary>
    Guilds = 1 << 0,

    /// <summary>
    /// Privileged. GUILD_MEMBER_UPDATE (role changes revoke or grant staff access at once). Without it staff rights
    /// are read per interaction from the member Discord sends, and member lists over REST answer 50001.
    /// </summary>
    GuildMembers = 1 << 1,

    /// <summary>MESSAGE_CREATE in guild channels and threads (the ticket conversation relayed to transcripts).</summary>
    GuildMessages = 1 << 9,

    /// <summary>MESSAGE_CREATE in DMs with the bot (openers answering by DM).</summary>
    DirectMessages = 1 << 12,

    /// <summary>
    /// Privileged. Content, embeds, attachments and components of messages that neither mention the bot nor are DMs.
    /// Without it transcripts of ticket threads hold empty messages; slash commands, buttons and modals still work.
    /// </summary>
    MessageContent = 1 << 15,

    /// <summary>What the support desk uses; see each flag for what degrades when a privileged one is not granted.</summary>
    TicketSaas = Guilds | GuildMembers | GuildMessages | DirectMessages | MessageContent,
}
