using System.Net;
using System.Text.Json;

namespace TicketSaas.BuildingBlocks.Discord.Rest;

/// <summary>
/// Discord refused a request. <see cref="Code"/> is Discord's JSON error code (e.g. 50001 Missing Access,
/// 10003 Unknown Channel); <see cref="Errors"/> holds the per-field detail of 50035 Invalid Form Body.
/// </summary>
public sealed class DiscordRestException : Exception
{
    public DiscordRestException(string route, HttpStatusCode status, int? code, string discordMessage, JsonElement? errors)
        : base($"Discord answered {(int)status} {status} to {route}: {discordMessage}{(code is null ? "" : $" (code {code})")}")
    {
        Route = route;
        Status = status;
        Code = code;
        DiscordMessage = discordMessage;
        Errors = errors;
    }

    /// <summary>Method and path template, e.g. "POST /channels/{channel_id}/messages".</summary>
    public string Route { get; }
    public HttpStatusCode Status { get; }
    public int? Code { get; }
    public string DiscordMessage { get; }
    public JsonElement? Errors { get; }
}
