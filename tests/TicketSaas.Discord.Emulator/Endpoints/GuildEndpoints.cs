using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.Http;

namespace TicketSaas.Discord.Emulator.Endpoints;

/// <summary>Guilds, their channels, active threads, roles and members, as the bot sees them.</summary>
internal static class GuildEndpoints
{
    public static void Map(RouteTable routes, EmulatorServices s)
    {
        routes.Api("GET", "/guilds/{guild_id}", http =>
            HttpContextExtensions.Json(s.Renderer.Guild(s.State.GuildVisibleTo(http.Snowflake("guild_id"), http.Scope().RequireBot()))));

        routes.Api("GET", "/guilds/{guild_id}/threads/active", http =>
        {
            var bot = http.Scope().RequireBot();
            var guild = s.State.GuildVisibleTo(http.Snowflake("guild_id"), bot);
            var (threads, joined) = s.State.ActiveThreads(bot, guild.Id);
            return HttpContextExtensions.Json(new JsonObject
            {
                ["threads"] = new JsonArray([.. threads.Select(t => (JsonNode)s.Renderer.Channel(t))]),
                ["members"] = new JsonArray([.. joined.Select(j => (JsonNode)Renderer.ThreadMember(j.ThreadId, bot.ApplicationId, j.JoinedAt))]),

                // The OpenAPI document requires has_more here (the schema is shared with the archived-thread lists).
                ["has_more"] = false,
            });
        });

        routes.Api("GET", "/guilds/{guild_id}/channels", http =>
        {
            var guild = s.State.GuildVisibleTo(http.Snowflake("guild_id"), http.Scope().RequireBot());
            return HttpContextExtensions.Json(new JsonArray([.. s.State.GuildChannels(guild.Id).Select(c => (JsonNode)s.Renderer.Channel(c))]));
        });

        routes.Api("GET", "/guilds/{guild_id}/roles", http =>
        {
            var guild = s.State.GuildVisibleTo(http.Snowflake("guild_id"), http.Scope().RequireBot());
            return HttpContextExtensions.Json(new JsonArray([.. s.State.Roles(guild.Id).Select(r => (JsonNode)Renderer.Role(r))]));
        });

        routes.Api("GET", "/guilds/{guild_id}/members", http =>
        {
            var bot = http.Scope().RequireBot();
            var guild = s.State.GuildVisibleTo(http.Snowflake("guild_id"), bot);
            if (!bot.HasGuildMembersIntent)
            {
                // Listing members is what the privileged GUILD_MEMBERS intent guards.
                throw DiscordApiException.MissingAccess();
            }

            var members = s.State.Members(guild.Id, http.QuerySnowflake("after") ?? 0, http.QueryInt("limit", 1, 1, 1000));
            return HttpContextExtensions.Json(new JsonArray([.. members.Select(m => (JsonNode)s.Renderer.Member(m))]));
        });

        routes.Api("GET", "/guilds/{guild_id}/members/{user_id}", http =>
        {
            var guild = s.State.GuildVisibleTo(http.Snowflake("guild_id"), http.Scope().RequireBot());
            var member = s.State.Member(guild.Id, http.Snowflake("user_id")) ?? throw DiscordApiException.UnknownMember();
            return HttpContextExtensions.Json(s.Renderer.Member(member));
        });
    }
}
