using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TicketSaas.BuildingBlocks.Discord.Interactions;
using TicketSaas.BuildingBlocks.Discord.Rest;

namespace TicketSaas.BuildingBlocks.Discord.Gateway;

public static class DiscordGatewayRegistration
{
    /// <summary>
    /// Connects this process's shards (options from "Discord:Gateway") for the life of the host. Interactions are
    /// answered as over HTTP, by the registered <see cref="IDiscordInteractionHandler"/>s, and the answer goes back by
    /// the interaction callback; every other dispatch goes to the registered <see cref="IDiscordGatewayEventHandler"/>s.
    /// Registers the REST client too, whose bot token ("Discord:BotToken") the gateway uses. A close that reconnecting
    /// cannot fix (wrong token, disallowed intents …) stops the host.
    /// </summary>
    public static IServiceCollection AddDiscordGateway(this IServiceCollection services, IConfiguration discordSection)
    {
        services.AddDiscordRest(discordSection);
        services.AddOptions<DiscordGatewayOptions>()
            .Bind(discordSection.GetSection("Gateway"))
            .Configure<IOptions<DiscordRestOptions>>((options, rest) => options.BotToken = rest.Value.BotToken);
        services.AddHostedService<DiscordGatewayService>();
        return services;
    }
}
