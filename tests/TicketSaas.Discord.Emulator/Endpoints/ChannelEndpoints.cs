using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using TicketSaas.Discord.Emulator.Http;
using TicketSaas.Discord.Emulator.State;

namespace TicketSaas.Discord.Emulator.Endpoints;

/// <summary>Channels, threads, thread members and messages.</summary>
internal static class ChannelEndpoints
{
    public static void Map(RouteTable routes, EmulatorServices s)
    {
        routes.Api("GET", "/channels/{channel_id}", http =>
            HttpContextExtensions.Json(s.Renderer.Channel(s.State.ChannelVisibleTo(http.Snowflake("channel_id"), http.Scope().RequireBot()))));

        routes.Api("PATCH", "/channels/{channel_id}", http =>
        {
            var scope = http.Scope();
            var channel = s.State.ModifyChannel(scope.RequireBot(), http.Snowflake("channel_id"), scope.JsonBody());
            return HttpContextExtensions.Json(s.Renderer.Channel(channel));
        });

        routes.Api("DELETE", "/channels/{channel_id}", http =>
        {
            var bot = http.Scope().RequireBot();
            var id = http.Snowflake("channel_id");

            // Discord answers with the channel as it was, counts included: rendered before it goes.
            var channel = s.Renderer.Channel(s.State.ChannelVisibleTo(id, bot));
            s.State.DeleteChannel(bot, id);
            return HttpContextExtensions.Json(channel);
        });

        routes.Api("POST", "/channels/{channel_id}/threads", http =>
        {
            var scope = http.Scope();
            var thread = s.State.CreateThread(scope.RequireBot(), http.Snowflake("channel_id"), scope.JsonBody());
            return HttpContextExtensions.Json(s.Renderer.Channel(thread), 201);
        });

        routes.Api("GET", "/channels/{channel_id}/thread-members", http =>
        {
            var thread = s.State.ChannelVisibleTo(http.Snowflake("channel_id"), http.Scope().RequireBot());
            var members = s.State.ThreadMemberships(thread.Id).OrderBy(m => m.Key).Select(m => (JsonNode)Renderer.ThreadMember(thread.Id, m.Key, m.Value));
            return HttpContextExtensions.Json(new JsonArray([.. members]));
        });

        routes.Api("PUT", "/channels/{channel_id}/thread-members/{user_id}", http =>
        {
            s.State.AddThreadMember(http.Scope().RequireBot(), http.Snowflake("channel_id"), http.Snowflake("user_id"));
            return Results.NoContent();
        });

        routes.Api("DELETE", "/channels/{channel_id}/thread-members/{user_id}", http =>
        {
            s.State.RemoveThreadMember(http.Scope().RequireBot(), http.Snowflake("channel_id"), http.Snowflake("user_id"));
            return Results.NoContent();
        });

        routes.Api("GET", "/channels/{channel_id}/messages", http =>
        {
            var bot = http.Scope().RequireBot();
            var page = s.State.ListMessages(bot, http.Snowflake("channel_id"),
                http.QuerySnowflake("before"), http.QuerySnowflake("after"), http.QuerySnowflake("around"), http.QueryInt("limit", 50, 1, 100));
            return HttpContextExtensions.Json(new JsonArray([.. page.Select(m => (JsonNode)s.Renderer.Message(m, bot))]));
        });

        routes.Api("GET", "/channels/{channel_id}/messages/{message_id}", http =>
        {
            var bot = http.Scope().RequireBot();
            var message = s.State.MessageVisibleTo(bot, http.Snowflake("channel_id"), http.Snowflake("message_id"));
            return HttpContextExtensions.Json(s.Renderer.Message(message, bot));
        });

        routes.Api("POST", "/channels/{channel_id}/messages", http =>
        {
            var scope = http.Scope();
            var bot = scope.RequireBot();
            var (message, _) = s.State.CreateMessage(bot, http.Snowflake("channel_id"), new MessageDraft(scope.JsonBody(), scope.Files()));
            return HttpContextExtensions.Json(s.Renderer.Message(message, bot));
        });

        routes.Api("PATCH", "/channels/{channel_id}/messages/{message_id}", http =>
        {
            var scope = http.Scope();
            var bot = scope.RequireBot();
            var message = s.State.EditMessage(bot, http.Snowflake("channel_id"), http.Snowflake("message_id"), new MessageDraft(scope.JsonBody(), scope.Files()));
            return HttpContextExtensions.Json(s.Renderer.Message(message, bot));
        });

        routes.Api("DELETE", "/channels/{channel_id}/messages/{message_id}", http =>
        {
            s.State.DeleteMessage(http.Scope().RequireBot(), http.Snowflake("channel_id"), http.Snowflake("message_id"));
            return Results.NoContent();
        });
    }
}
