using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TicketSaas.BuildingBlocks.Discord;

/// <summary>
/// Serializer settings for Discord's wire format: snake_case names, ids and permission sets as strings, absent
/// rather than null for unset request fields, and unknown fields skipped (Discord adds fields without notice).
/// </summary>
internal static class DiscordJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
            // Discord does not put "type" first, and components are told apart by it.
            AllowOutOfOrderMetadataProperties = true,
            Converters = { new SnowflakeConverter(), new PermissionsConverter() },
        };
        return options;
    }

    private sealed class SnowflakeConverter : JsonConverter<ulong>
    {
        public override ulong Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String
                && ulong.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return id;
            }

            throw new JsonException("A Discord id must be a string of decimal digits, such as \"175928847299117063\".");
        }

        public override void Write(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));

        public override ulong ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ulong.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? id
                : throw new JsonException("A Discord id used as a key must be decimal digits.");

        public override void WriteAsPropertyName(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.ToString(CultureInfo.InvariantCulture));
    }

    private sealed class PermissionsConverter : JsonConverter<Permissions>
    {
        public override Permissions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("A Discord permission set must be a decimal string.");
            }

            try
            {
                return PermissionsExtensions.Parse(reader.GetString()!);
            }
            catch (FormatException exception)
            {
                throw new JsonException(exception.Message, exception);
            }
        }

        public override void Write(Utf8JsonWriter writer, Permissions value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToWireString());
    }
}
