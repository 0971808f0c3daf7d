using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.State;

namespace TicketSaas.Discord.Emulator.Interactions;

/// <summary>
/// What the application's interactions endpoint answered. Discord takes a 200 JSON answer as the initial
/// response; <see cref="Refusal"/> says why Discord would have refused it (e.g. too late, or invalid), in
/// which case the user sees "This interaction failed".
/// </summary>
public sealed record InteractionDelivery(
    int StatusCode,
    string Body,
    TimeSpan Elapsed,
    InteractionRecord Interaction,
    JsonObject? Refusal)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
}
