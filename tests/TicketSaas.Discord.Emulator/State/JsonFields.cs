using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.Http;

namespace TicketSaas.Discord.Emulator.State;

/// <summary>
/// Reads fields of a request body. A field of the wrong JSON type is refused with 50035 rather than trusted,
/// because bodies reach handlers even when the spec check only records violations.
/// </summary>
internal static class JsonFields
{
    public static bool Has(JsonObject body, string name) => body.ContainsKey(name);

    public static string? String(JsonObject body, string name) => Checked(body, name, JsonValueKind.String)?.GetValue<string>();

    public static bool? Bool(JsonObject body, string name) => Checked(body, name, JsonValueKind.True, JsonValueKind.False)?.GetValue<bool>();

    public static long? Integer(JsonObject body, string name) =>
        Checked(body, name, JsonValueKind.Number) is not { } node ? null
        : long.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
        : throw BadType(name, "integer");

    public static JsonArray? Array(JsonObject body, string name) => Checked(body, name, JsonValueKind.Array)?.AsArray();

    public static ulong? Snowflake(JsonObject body, string name)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        var text = node.GetValueKind() == JsonValueKind.Number ? node.ToJsonString() : node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw BadType(name, "snowflake");
    }

    /// <summary>A nonce is an integer or a string; both spellings of one value are the same nonce.</summary>
    public static string? Nonce(JsonObject body) => body["nonce"] switch
    {
        null => null,
        var n when n.GetValueKind() == JsonValueKind.Number => n.ToJsonString(),
        var n when n.GetValueKind() == JsonValueKind.String => n.GetValue<string>(),
        _ => throw BadType("nonce", "integer or string"),
    };

    /// <summary>The field's node, null when absent or JSON null; a field of another kind is refused.</summary>
    private static JsonNode? Checked(JsonObject body, string name, params JsonValueKind[] kinds)
    {
        var node = body[name];
        return node is null || kinds.Contains(node.GetValueKind()) ? node : throw BadType(name, string.Join(" or ", kinds).ToLowerInvariant());
    }

    private static DiscordApiException BadType(string name, string expected)
    {
        var errors = new FormErrors();
        errors.Add(name, "BASE_TYPE_BAD_TYPE", $"Must be of type {expected}.");
        return DiscordApiException.InvalidFormBody(errors);
    }
}
