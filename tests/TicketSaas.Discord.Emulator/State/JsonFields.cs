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
        : throw BadType([name], "integer");

    public static JsonArray? Array(JsonObject body, string name) => Checked(body, name, JsonValueKind.Array)?.AsArray();

    public static JsonObject? Object(JsonObject body, string name) => Checked(body, name, JsonValueKind.Object)?.AsObject();

    public static ulong? Snowflake(JsonObject body, string name) => body[name] is { } node ? SnowflakeOf(node, [name]) : null;

    /// <summary>An array of snowflakes; absent or null reads as empty.</summary>
    public static IReadOnlyList<ulong> Snowflakes(JsonObject body, string name) =>
        [.. (Array(body, name) ?? []).Select((node, i) => SnowflakeOf(node, [name, Index(i)]))];

    /// <summary>An array of strings; absent or null reads as empty.</summary>
    public static IReadOnlyList<string> Strings(JsonObject body, string name) =>
        [.. (Array(body, name) ?? []).Select((node, i) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : throw BadType([name, Index(i)], "string"))];

    /// <summary>A nonce is an integer or a string; both spellings of one value are the same nonce.</summary>
    public static string? Nonce(JsonObject body) => body["nonce"] switch
    {
        null => null,
        var n when n.GetValueKind() == JsonValueKind.Number => n.ToJsonString(),
        var n when n.GetValueKind() == JsonValueKind.String => n.GetValue<string>(),
        _ => throw BadType(["nonce"], "integer or string"),
    };

    /// <summary>The field's node, null when absent or JSON null; a field of another kind is refused.</summary>
    private static JsonNode? Checked(JsonObject body, string name, params JsonValueKind[] kinds)
    {
        var node = body[name];
        return node is null || kinds.Contains(node.GetValueKind()) ? node : throw BadType([name], string.Join(" or ", kinds).ToLowerInvariant());
    }

    private static ulong SnowflakeOf(JsonNode? node, IReadOnlyList<string> path)
    {
        var text = node?.GetValueKind() switch
        {
            JsonValueKind.Number => node.ToJsonString(),
            JsonValueKind.String => node.GetValue<string>(),
            _ => null,
        };
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw BadType(path, "snowflake");
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static DiscordApiException BadType(IReadOnlyList<string> path, string expected)
    {
        var errors = new FormErrors();
        errors.Add(path, "BASE_TYPE_BAD_TYPE", $"Must be of type {expected}.");
        return DiscordApiException.InvalidFormBody(errors);
    }
}
