using MediatR;
using TicketSaas.BuildingBlocks.Discord.Gateway;
using TicketSaas.Modules.Tickets.Features.TrackThreads;

namespace TicketSaas.Host.DiscordBot.Modules.Tickets;

/// <summary>What the gateway tells about ticket threads: messages (activity, first staff answers) and deleted threads or channels.</summary>
internal sealed class TicketGatewayEvents(IMediator mediator) : IDiscordGatewayEventHandler
{
    public async ValueTask HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        switch (gatewayEvent)
        {
            case MessageCreated { GuildId: { } guildId, Message: { Author: { } author } message }:
                await mediator.Send(new RecordTicketActivityCommand(
                    guildId, message.ChannelId, author.Id, message.Member?.Roles ?? [], author.Bot == true || message.WebhookId is not null, message.Timestamp),
                    cancellationToken);
                break;
            case ThreadDeleted { GuildId: { } guildId, Thread: var thread }:
                await mediator.Send(new MarkThreadDeletedCommand(guildId, thread.Id), cancellationToken);
                break;
            case ChannelDeleted { GuildId: { } guildId, Channel: var channel }:
                await mediator.Send(new MarkThreadDeletedCommand(guildId, channel.Id), cancellationToken);
                break;
        }
    }
}
