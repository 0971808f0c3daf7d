using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TicketSaas.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Small lists that are always read and written with their owner (role ids, form questions, a panel's categories)
/// live in one JSON text column: the same on SQLite and MySQL, compared by content for change tracking.
/// </summary>
public static class JsonColumns
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static PropertyBuilder<IReadOnlyList<T>> HasJsonConversion<T>(this PropertyBuilder<IReadOnlyList<T>> property) =>
        property.HasConversion(
                list => JsonSerializer.Serialize(list, Options),
                // Rows that predate a list column hold an empty string: an empty list.
                json => json == string.Empty ? new List<T>() : JsonSerializer.Deserialize<List<T>>(json, Options)!,
                new ValueComparer<IReadOnlyList<T>>(
                    (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                    list => JsonSerializer.Serialize(list, Options).GetHashCode(StringComparison.Ordinal),
                    list => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(list, Options), Options)!))
            .IsRequired();

    /// <summary>One JSON document per row (e.g. a chore's work), its concrete type named inside it.</summary>
    public static PropertyBuilder<T> HasJsonDocumentConversion<T>(this PropertyBuilder<T> property)
        where T : class =>
        property.HasConversion(
                value => JsonSerializer.Serialize(value, Options),
                json => JsonSerializer.Deserialize<T>(json, Options)!)
            .IsRequired();
}
