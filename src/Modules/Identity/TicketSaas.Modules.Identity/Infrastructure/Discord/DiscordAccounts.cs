using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Discord;
using TicketSaas.BuildingBlocks.Discord.Entities;
using TicketSaas.BuildingBlocks.Discord.Rest;
using TicketSaas.Modules.Identity.Accounts;
using TicketSaas.Modules.Identity.Ports;
using TicketSaas.Modules.Tickets.Contracts;

namespace TicketSaas.Modules.Identity.Infrastructure.Discord;

/// <summary>Discord's OAuth2 and the bot's REST, through the adapter.</summary>
internal sealed class DiscordAccounts(DiscordRestClient discord, LoginOptions login, ulong applicationId, TimeProvider clock) : IDiscordAccounts
{
    private const string Scopes = "identify guilds";
    private const int UnknownGuild = 10004;
    private const int UnknownMember = 10007;
    private const int MissingAccess = 50001;

    private static readonly string BotPermissions = PermissionsExtensions.FromNames(Enum.GetNames<TicketBotPermission>()).ToWireString();

    private string ClientId => applicationId.ToString(CultureInfo.InvariantCulture);

    public Uri AuthorizeUrl(string state, string codeChallenge) => new(QueryHelpers.AddQueryString(login.AuthorizeUrl.ToString(),
        new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = ClientId,
            ["scope"] = Scopes,
            ["redirect_uri"] = login.RedirectUri!.ToString(),
            ["state"] = state,
            ["code_challenge"] = codeChallenge,
            ["code_challenge_method"] = "S256",
        }));

    public Uri AddBotUrl(ulong guildId) => new(QueryHelpers.AddQueryString(login.AuthorizeUrl.ToString(),
        new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["scope"] = "bot applications.commands",
            ["permissions"] = BotPermissions,
            ["guild_id"] = guildId.ToString(CultureInfo.InvariantCulture),
            ["disable_guild_select"] = "true",
        }));

    public async Task<DiscordGrant?> RedeemCodeAsync(string code, string codeVerifier, CancellationToken cancellationToken)
    {
        try
        {
            var token = await discord.ExchangeCodeAsync(
                new DiscordOAuthCodeExchange(applicationId, login.ClientSecret, code, login.RedirectUri!, codeVerifier), cancellationToken);
            return new DiscordGrant(token.AccessToken, clock.GetUtcNow().AddSeconds(token.ExpiresIn));
        }
        catch (DiscordRestException refused) when (refused.Status == HttpStatusCode.BadRequest)
        {
            return null;
        }
        catch (Exception failure) when (IsTransient(failure))
        {
            throw Unavailable(failure);
        }
    }

    public async Task<DiscordProfile> GetProfileAsync(string accessToken, CancellationToken cancellationToken)
    {
        try
        {
            var user = await discord.GetCurrentUserAsync(accessToken, cancellationToken);
            return new DiscordProfile(user.Id, user.Username, user.DisplayName, user.Avatar);
        }
        catch (Exception failure) when (IsTransient(failure))
        {
            throw Unavailable(failure);
        }
    }

    public async Task<IReadOnlyList<DiscordGuildAccess>?> GetGuildsAsync(string accessToken, CancellationToken cancellationToken)
    {
        try
        {
            var guilds = new List<DiscordGuildAccess>();
            IReadOnlyList<DiscordPartialGuild> page;
            do
            {
                page = await discord.GetCurrentUserGuildsAsync(accessToken, guilds.Count > 0 ? guilds[^1].GuildId : 0, cancellationToken);
                guilds.AddRange(page.Select(g => new DiscordGuildAccess(g.Id, g.Name, g.Owner || g.Permissions.Grants(Permissions.ManageGuild))));
            }
            while (page.Count == 200);

            return guilds;
        }
        catch (DiscordRestException refused) when (refused.Status == HttpStatusCode.Unauthorized)
        {
            return null;
        }
        catch (Exception failure) when (IsTransient(failure))
        {
            throw Unavailable(failure);
        }
    }

    public async Task<IReadOnlyList<ulong>?> GetRoleIdsAsync(ulong guildId, ulong userId, CancellationToken cancellationToken)
    {
        try
        {
            return (await discord.GetGuildMemberAsync(guildId, userId, cancellationToken)).Roles;
        }
        catch (DiscordRestException refused) when (refused.Code is UnknownGuild or UnknownMember or MissingAccess)
        {
            return null;
        }
        catch (Exception failure) when (IsTransient(failure))
        {
            throw Unavailable(failure);
        }
    }

    public async Task<IReadOnlyList<DiscordBotGuild>> GetBotGuildsAsync(CancellationToken cancellationToken)
    {
        var guilds = new List<DiscordBotGuild>();
        IReadOnlyList<DiscordPartialGuild> page;
        do
        {
            page = await discord.GetBotGuildsAsync(guilds.Count > 0 ? guilds[^1].GuildId : 0, cancellationToken);
            guilds.AddRange(page.Select(g => new DiscordBotGuild(g.Id, g.Name)));
        }
        while (page.Count == 200);

        return guilds;
    }

    private static bool IsTransient(Exception failure) => failure switch
    {
        DiscordRestException rest => (int)rest.Status >= 500 || rest.Status == HttpStatusCode.TooManyRequests,
        HttpRequestException or TaskCanceledException or TimeoutException => true,
        _ => false,
    };

    private static UnavailableException Unavailable(Exception failure) =>
        new("Discord did not answer in time. Nothing was stored; please try again in a moment.", failure);
}
