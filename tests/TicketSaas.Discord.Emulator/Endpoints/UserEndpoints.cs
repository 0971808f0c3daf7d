using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using TicketSaas.Discord.Emulator.Gateway;
using TicketSaas.Discord.Emulator.Http;
using TicketSaas.Discord.Emulator.State;

namespace TicketSaas.Discord.Emulator.Endpoints;

/// <summary>The current user (a bot, or an OAuth2 user by Bearer token), its guilds, DMs, where the gateway is, and commands (global and per guild).</summary>
internal static class UserEndpoints
{
    public static void Map(RouteTable routes, EmulatorServices s)
    {
        routes.Api("GET", "/users/@me", http =>
        {
            var userId = CurrentUser(http.Scope(), "identify");
            return HttpContextExtensions.Json(Renderer.User(s.State.User(userId)!));
        }, RouteAuth.BotOrBearer);

        routes.Api("GET", "/users/@me/guilds", http =>
        {
            var userId = CurrentUser(http.Scope(), "guilds");
            var after = http.QuerySnowflake("after") ?? 0;
            var limit = http.QueryInt("limit", 200, 1, 200);
            var guilds = s.State.GuildsOf(userId).Where(g => g.Id > after).Take(limit).Select(g => (JsonNode)new JsonObject
            {
                ["id"] = Renderer.Id(g.Id),
                ["name"] = g.Name,
                ["icon"] = null,
                ["banner"] = null,
                ["owner"] = g.OwnerId == userId,
                ["permissions"] = Renderer.Id(s.State.GuildPermissions(g.Id, userId)),
                ["features"] = new JsonArray(),
            });
            return HttpContextExtensions.Json(new JsonArray([.. guilds]));
        }, RouteAuth.BotOrBearer);

        routes.Api("POST", "/users/@me/channels", http =>
        {
            var scope = http.Scope();
            var recipient = JsonFields.Snowflake(scope.JsonBody(), "recipient_id") ?? throw DiscordApiException.UnknownUser();
            return HttpContextExtensions.Json(s.Renderer.Channel(s.State.OpenDirectMessage(scope.RequireBot(), recipient)));
        });

        routes.Api("GET", "/gateway/bot", http =>
        {
            http.Scope().RequireBot();
            return HttpContextExtensions.Json(new JsonObject
            {
                ["url"] = s.Options.GatewayUrl?.ToString() ?? $"ws://{http.Request.Host}{GatewayServer.Path}",
                ["shards"] = s.Options.GatewayShards,
                ["session_start_limit"] = new JsonObject
                {
                    ["total"] = 1000,
                    ["remaining"] = 1000,
                    ["reset_after"] = 14_400_000,
                    ["max_concurrency"] = s.Options.GatewayMaxConcurrency,
                },
            });
        });

        routes.Api("PUT", "/applications/{application_id}/commands", http => OverwriteCommands(http, s, guildId: null));

        routes.Api("PUT", "/applications/{application_id}/guilds/{guild_id}/commands", http => OverwriteCommands(http, s, http.Snowflake("guild_id")));
    }

    private static IResult OverwriteCommands(HttpContext http, EmulatorServices s, ulong? guildId)
    {
        var scope = http.Scope();
        var bot = scope.RequireBot();
        if (http.Snowflake("application_id") != bot.ApplicationId)
        {
            throw DiscordApiException.MissingAccess();
        }

        if (guildId is { } guild)
        {
            s.State.GuildVisibleTo(guild, bot);
        }

        var definitions = scope.JsonNodeBody() as JsonArray ?? [];
        var commands = s.State.OverwriteCommands(bot.ApplicationId, guildId, [.. definitions.OfType<JsonObject>()]);
        return HttpContextExtensions.Json(new JsonArray([.. commands.Select(c => (JsonNode)CommandJson(c))]));
    }

    /// <summary>The user a request acts as: the bot itself, or the OAuth2 user when the token holds the scope.</summary>
    private static ulong CurrentUser(RequestScope scope, string requiredScope)
    {
        if (scope.Bot is { } bot)
        {
            return bot.ApplicationId;
        }

        var (userId, scopes) = scope.OAuthUser ?? throw DiscordApiException.Unauthorized();
        return scopes.Contains(requiredScope) ? userId : throw DiscordApiException.Unauthorized();
    }

    private static JsonObject CommandJson(ApplicationCommand command)
    {
        var json = (JsonObject)command.Definition.DeepClone();
        json["id"] = Renderer.Id(command.Id);
        json["application_id"] = Renderer.Id(command.ApplicationId);
        json["version"] = Renderer.Id(command.Id);
        json["type"] ??= 1;
        json["description"] ??= "";

        // Discord takes the permission set as a number or a string of digits, and always answers a string.
        json["default_member_permissions"] = json["default_member_permissions"] is JsonValue permissions ? permissions.ToString() : null;
        json["nsfw"] ??= false;
        if (command.GuildId is { } guildId)
        {
            json["guild_id"] = Renderer.Id(guildId);
        }

        return json;
    }
}
