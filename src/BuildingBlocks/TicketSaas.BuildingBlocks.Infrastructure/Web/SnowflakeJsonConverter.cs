using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TicketSaas.BuildingBlocks.Infrastructure.Web;

/// <summary>
/// Discord snowflakes travel as strings: a 64-bit id does not survive a JavaScript number.
/// </summary>
public sealed class SnowflakeJsonConverter : JsonConverter<ulong>
{
    public override ulong Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String
            && ulong.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        throw new JsonException("A Discord id must be a string of decimal digits, such as \"1234567890123456789\".");
    }

    public override void Write(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
}
