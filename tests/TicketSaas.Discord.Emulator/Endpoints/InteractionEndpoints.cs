using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using TicketSaas.Discord.Emulator.Http;
using TicketSaas.Discord.Emulator.State;

namespace TicketSaas.Discord.Emulator.Endpoints;

/// <summary>
/// Interaction responses and follow-ups. These routes authenticate by the token in the URL and are not bound
/// by the bot's global rate limit, as on Discord.
/// </summary>
internal static class InteractionEndpoints
{
    public static void Map(RouteTable routes, EmulatorServices s)
    {
        routes.Api("POST", "/interactions/{interaction_id}/{interaction_token}/callback", http =>
        {
            var scope = http.Scope();
            var token = (string)http.Request.RouteValues["interaction_token"]!;
            var interaction = s.State.Respond(http.Snowflake("interaction_id"), token, scope.JsonBody(), scope.Files());
            if (!string.Equals(http.Request.Query["with_response"], "true", StringComparison.OrdinalIgnoreCase))
            {
                return Results.NoContent();
            }

            var original = interaction.OriginalMessageId is { } id ? s.State.Message(interaction.ChannelId, id) : null;
            var resource = new JsonObject { ["type"] = interaction.CallbackType };
            if (original is not null)
            {
                resource["message"] = s.Renderer.Message(original, s.State.Bot(interaction.ApplicationId));
            }

            return HttpContextExtensions.Json(new JsonObject
            {
                ["interaction"] = new JsonObject
                {
                    ["id"] = Renderer.Id(interaction.Id),
                    ["type"] = interaction.Type,
                    ["response_message_id"] = original is null ? null : Renderer.Id(original.Id),
                    ["response_message_loading"] = interaction.CallbackType == 5,
                    ["response_message_ephemeral"] = original?.VisibleOnlyTo is not null,
                },
                ["resource"] = resource,
            });
        }, RouteAuth.None, globalExempt: true);

        // A follow-up is Execute Webhook "but wait is always true" (Discord's docs): the message always comes back.
        routes.Api("POST", "/webhooks/{webhook_id}/{webhook_token}", http =>
        {
            var scope = http.Scope();
            var bot = BotOf(http, s);
            var message = s.State.CreateFollowup(bot.ApplicationId, Token(http), new MessageDraft(scope.JsonBody(), scope.Files()));
            return HttpContextExtensions.Json(s.Renderer.Message(message, bot));
        }, RouteAuth.None, globalExempt: true);

        routes.Api("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", http => Edit(http, s, messageId: null), RouteAuth.None, globalExempt: true);
        routes.Api("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", http => Edit(http, s, http.Snowflake("message_id")), RouteAuth.None, globalExempt: true);
    }

    private static IResult Edit(HttpContext http, EmulatorServices s, ulong? messageId)
    {
        var scope = http.Scope();
        var bot = BotOf(http, s);
        var message = s.State.EditInteractionMessage(bot.ApplicationId, Token(http), messageId, new MessageDraft(scope.JsonBody(), scope.Files()));
        return HttpContextExtensions.Json(s.Renderer.Message(message, bot));
    }

    /// <summary>An interaction webhook's id is its application's id.</summary>
    private static BotApplication BotOf(HttpContext http, EmulatorServices s) =>
        s.State.FindBot(http.Snowflake("webhook_id")) ?? throw DiscordApiException.UnknownWebhook();

    private static string Token(HttpContext http) => (string)http.Request.RouteValues["webhook_token"]!;
}
