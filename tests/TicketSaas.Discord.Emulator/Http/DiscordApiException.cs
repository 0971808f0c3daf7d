using System.Text.Json.Nodes;

namespace TicketSaas.Discord.Emulator.Http;

/// <summary>
/// A refusal Discord would give, carried to the pipeline, which writes it in Discord's JSON error shape
/// (<c>{"message": ..., "code": ...}</c>, plus <c>errors</c> for 50035).
/// </summary>
public sealed class DiscordApiException : Exception
{
    public DiscordApiException(int status, int code, string message, JsonObject? errors = null)
        : base(message)
    {
        Status = status;
        Code = code;
        Errors = errors;
    }

    public int Status { get; }
    public int Code { get; }
    public JsonObject? Errors { get; }

    public JsonObject ToBody()
    {
        var body = new JsonObject { ["message"] = Message, ["code"] = Code };
        if (Errors is not null)
        {
            body["errors"] = Errors.DeepClone();
        }

        return body;
    }

    public static DiscordApiException UnknownChannel() => new(404, 10003, "Unknown Channel");
    public static DiscordApiException UnknownGuild() => new(404, 10004, "Unknown Guild");
    public static DiscordApiException UnknownMember() => new(404, 10007, "Unknown Member");
    public static DiscordApiException UnknownMessage() => new(404, 10008, "Unknown Message");
    public static DiscordApiException UnknownUser() => new(404, 10013, "Unknown User");
    public static DiscordApiException UnknownSticker() => new(404, 10060, "Unknown Sticker");
    public static DiscordApiException UnknownWebhook() => new(404, 10015, "Unknown Webhook");
    public static DiscordApiException UnknownInteraction() => new(404, 10062, "Unknown interaction");
    public static DiscordApiException MissingAccess() => new(403, 50001, "Missing Access");
    public static DiscordApiException MissingPermissions() => new(403, 50013, "Missing Permissions");
    public static DiscordApiException Unauthorized() => new(401, 0, "401: Unauthorized");
    public static DiscordApiException NotFound() => new(404, 0, "404: Not Found");
    public static DiscordApiException MethodNotAllowed() => new(405, 0, "405: Method Not Allowed");

    public static DiscordApiException InvalidFormBody(FormErrors errors) => new(400, 50035, "Invalid Form Body", errors.ToJson());
}
