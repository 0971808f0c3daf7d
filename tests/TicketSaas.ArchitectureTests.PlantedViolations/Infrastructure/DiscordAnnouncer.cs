using TicketSaas.BuildingBlocks.Discord;

namespace TicketSaas.Modules.Planted.Infrastructure.Discord;

/// <summary>Not a violation: module infrastructure may use the Discord adapter.</summary>
internal sealed class DiscordAnnouncer(DiscordAdapterStandIn discord)
{
    public Task AnnounceAsync() => discord.SendAsync("planted");
}
