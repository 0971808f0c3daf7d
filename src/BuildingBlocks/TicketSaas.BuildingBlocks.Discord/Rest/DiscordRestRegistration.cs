using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TicketSaas.BuildingBlocks.Discord.Rest;

public static class DiscordRestRegistration
{
    private const string HttpClientName = "Discord";

    /// <summary>
    /// One <see cref="DiscordRestClient"/> for the bot token in "Discord:BotToken", options from "Discord:Rest".
    /// A singleton: rate-limit state must be shared by everything that uses the token.
    /// </summary>
    public static IServiceCollection AddDiscordRest(this IServiceCollection services, IConfiguration discordSection)
    {
        // Other registrations (the gateway) depend on it: registered once, whoever asks first.
        if (services.Any(service => service.ServiceType == typeof(DiscordRestClient)))
        {
            return services;
        }

        services.AddOptions<DiscordRestOptions>()
            .Bind(discordSection.GetSection("Rest"))
            .Configure(options => options.BotToken = discordSection["BotToken"] ?? options.BotToken)
            .Validate(options => !string.IsNullOrWhiteSpace(options.BotToken), "Discord:BotToken must be set to use Discord's REST API.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();

        // Long-lived client: connections are recycled by the handler instead of by the factory.
        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton(provider => new DiscordRestClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetRequiredService<IOptions<DiscordRestOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IMeterFactory>(),
            provider.GetRequiredService<ILogger<DiscordRestClient>>()));
        return services;
    }
}
