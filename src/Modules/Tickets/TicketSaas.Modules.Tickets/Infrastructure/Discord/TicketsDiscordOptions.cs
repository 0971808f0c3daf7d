namespace TicketSaas.Modules.Tickets.Infrastructure.Discord;

/// <summary>The bot identity the Tickets module acts as: "Discord:BotToken" and "Discord:ApplicationId".</summary>
internal sealed class TicketsDiscordOptions
{
    /// <summary>Also the bot's user id, as for every application created since 2022.</summary>
    public ulong ApplicationId { get; set; }
}
