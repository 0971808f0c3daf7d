using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Discord.Rest;
using TicketSaas.Modules.Identity.Accounts;
using TicketSaas.Modules.Identity.Features.RefreshMemberships;
using TicketSaas.Modules.Identity.Features.TrackBotPresence;
using TicketSaas.Modules.Identity.Ports;

namespace TicketSaas.Modules.Identity.Infrastructure.Discord;

internal static class IdentityDiscordRegistration
{
    /// <summary>
    /// With "Discord:BotToken" set, Identity talks to Discord: logins (when "Identity:Login" has a client secret and a
    /// redirect URI) with their periodic refresh, and, in a process that answers interactions by HTTP without the
    /// gateway, the polling of the bot's guilds. Without a token, logging in says that Discord is not configured.
    /// </summary>
    public static void AddIdentityDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        var login = configuration.GetSection("Identity:Login").Get<LoginOptions>() ?? new LoginOptions();
        services.AddSingleton(login);
        var discord = configuration.GetSection("Discord");
        if (string.IsNullOrWhiteSpace(discord["BotToken"]))
        {
            services.AddSingleton<IDiscordAccounts, WithoutDiscord>();
            return;
        }

        var applicationId = discord.GetValue<ulong>("ApplicationId");
        if (applicationId == 0)
        {
            throw new InvalidOperationException("Discord:ApplicationId must be set to the bot's application id when Discord:BotToken is set.");
        }

        services.AddDiscordRest(discord);
        services.AddSingleton<IDiscordAccounts>(provider =>
            new DiscordAccounts(provider.GetRequiredService<DiscordRestClient>(), login, applicationId, provider.GetRequiredService<TimeProvider>()));
        if (login.Enabled)
        {
            services.AddHostedService<MembershipRefresh>();
        }

        if (discord.GetValue("Interactions:Enabled", false) && !discord.GetValue("Gateway:Enabled", false))
        {
            services.AddOptions<BotPresenceOptions>().Bind(configuration.GetSection("Identity:BotPresence"));
            services.AddHostedService<BotGuildPolling>();
        }
    }

    private sealed class WithoutDiscord : IDiscordAccounts
    {
        private static UnavailableException NotConfigured() =>
            new("Discord is not configured: set Discord:BotToken and Discord:ApplicationId, and Identity:Login's client secret and redirect URI.");

        public Uri AuthorizeUrl(string state, string codeChallenge) => throw NotConfigured();

        public Uri AddBotUrl(ulong guildId) => throw NotConfigured();

        public Task<DiscordGrant?> RedeemCodeAsync(string code, string codeVerifier, CancellationToken cancellationToken) => throw NotConfigured();

        public Task<DiscordProfile> GetProfileAsync(string accessToken, CancellationToken cancellationToken) => throw NotConfigured();

        public Task<IReadOnlyList<DiscordGuildAccess>?> GetGuildsAsync(string accessToken, CancellationToken cancellationToken) => throw NotConfigured();

        public Task<IReadOnlyList<ulong>?> GetRoleIdsAsync(ulong guildId, ulong userId, CancellationToken cancellationToken) => throw NotConfigured();

        public Task<IReadOnlyList<DiscordBotGuild>> GetBotGuildsAsync(CancellationToken cancellationToken) => throw NotConfigured();
    }
}
