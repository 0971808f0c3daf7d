namespace TicketSaas.Modules.Tickets.Contracts;

/// <summary>
/// Every permission the bot needs in a guild for tickets, named as Discord's permission flags (the Discord adapter's
/// <c>Permissions</c>). Tickets checks each channel for the ones its use needs; the "Add bot" link asks for all of them.
/// </summary>
public enum TicketBotPermission
{
    ViewChannel,
    SendMessages,
    EmbedLinks,
    AttachFiles,
    ReadMessageHistory,
    MentionEveryone,
    ManageThreads,
    CreatePrivateThreads,
    SendMessagesInThreads,
}
