using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Discord.Rest;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Features.InactivityTimer;
using TicketSaas.Modules.Tickets.Features.OpenTicket;
using TicketSaas.Modules.Tickets.Ports;

namespace TicketSaas.Modules.Tickets.Infrastructure.Discord;

internal static class TicketsDiscordRegistration
{
    /// <summary>
    /// With "Discord:BotToken" set, the module's ports talk to Discord, and a process that answers interactions (by HTTP
    /// or over the gateway) works the ticket openings, chores and inactivity timers it and its peers wrote. Without a token, configuration stays
    /// editable and whatever needs Discord says so.
    /// </summary>
    public static void AddTicketsDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        var discord = configuration.GetSection("Discord");
        if (string.IsNullOrWhiteSpace(discord["BotToken"]))
        {
            services.AddSingleton<WithoutDiscord>();
            services.AddSingleton<IBotPermissions>(provider => provider.GetRequiredService<WithoutDiscord>());
            services.AddSingleton<IPanelMessages>(provider => provider.GetRequiredService<WithoutDiscord>());
            services.AddSingleton<ITicketThreads>(provider => provider.GetRequiredService<WithoutDiscord>());
            services.AddSingleton<IInteractionReplies>(provider => provider.GetRequiredService<WithoutDiscord>());
            return;
        }

        var applicationId = discord.GetValue<ulong>("ApplicationId");
        if (applicationId == 0)
        {
            throw new InvalidOperationException("Discord:ApplicationId must be set to the bot's application id when Discord:BotToken is set.");
        }

        services.AddDiscordRest(discord);
        services.AddSingleton(new TicketsDiscordOptions { ApplicationId = applicationId });
        services.AddSingleton<DiscordBotPermissions>();
        services.AddSingleton<IBotPermissions>(provider => provider.GetRequiredService<DiscordBotPermissions>());
        services.AddSingleton<IPanelMessages, DiscordPanelMessages>();
        services.AddSingleton<ITicketThreads, DiscordTicketThreads>();
        services.AddSingleton<IInteractionReplies, DiscordInteractionReplies>();
        if (discord.GetValue("Interactions:Enabled", false) || discord.GetValue("Gateway:Enabled", false))
        {
            services.AddOptions<TicketOpeningOptions>().Bind(configuration.GetSection("Tickets:Opening"));
            services.AddHostedService<TicketOpeningWorker>();
            services.AddHostedService<TicketIntakeWarmUp>();
            services.AddOptions<TicketChoreOptions>().Bind(configuration.GetSection("Tickets:Chores"));
            services.AddHostedService<TicketChoreWorker>();
            services.AddOptions<InactivityOptions>().Bind(configuration.GetSection("Tickets:Inactivity"));
            services.AddHostedService<InactivitySweep>();
        }
    }
}
