using System.Globalization;
using MediatR;
using TicketSaas.BuildingBlocks.Discord.Gateway;
using TicketSaas.Modules.Identity.Features.TrackBotPresence;

namespace TicketSaas.Host.DiscordBot.Modules.Identity;

/// <summary>Where the bot is: GUILD_CREATE (joined, or listed at a session's start) and GUILD_DELETE (left or removed, not an outage).</summary>
internal sealed class BotPresenceGatewayEvents(IMediator mediator) : IDiscordGatewayEventHandler
{
    public async ValueTask HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        switch (gatewayEvent)
        {
            case GuildAvailable { Guild: var guild }:
                await mediator.Send(new RecordBotInGuildCommand(guild.Id, guild.Name ?? guild.Id.ToString(CultureInfo.InvariantCulture)),
                    cancellationToken);
                break;
            case GuildRemoved { Unavailable: false, GuildId: { } guildId }:
                await mediator.Send(new RecordBotLeftGuildCommand(guildId), cancellationToken);
                break;
        }
    }
}
