using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TicketSaas.BuildingBlocks.Discord.Tests.Support;

/// <summary>Structural JSON comparison: property order does not matter, timestamps compare as instants.</summary>
internal static class JsonAssert
{
    public static void Equivalent(JsonNode? expected, JsonNode? actual) =>
        Compare(expected, actual, "$");

    private static void Compare(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {actual?.ToJsonString()}");
                break;
            case JsonObject expectedObject:
                var actualObject = Assert.IsType<JsonObject>(actual, exactMatch: false);
                var missing = expectedObject.Select(p => p.Key).Except(actualObject.Select(p => p.Key)).ToList();
                var extra = actualObject.Select(p => p.Key).Except(expectedObject.Select(p => p.Key)).ToList();
                Assert.True(missing.Count == 0 && extra.Count == 0,
                    $"{path}: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", extra)}]");
                foreach (var (name, value) in expectedObject)
                {
                    Compare(value, actualObject[name], $"{path}.{name}");
                }

                break;
            case JsonArray expectedArray:
                var actualArray = Assert.IsType<JsonArray>(actual, exactMatch: false);
                Assert.True(expectedArray.Count == actualArray.Count, $"{path}: {expectedArray.Count} items expected, got {actualArray.Count}");
                for (var index = 0; index < expectedArray.Count; index++)
                {
                    Compare(expectedArray[index], actualArray[index], $"{path}[{index}]");
                }

                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual) && !SameInstant(expected, actual))
                {
                    Assert.Fail($"{path}: expected {expected.ToJsonString()}, got {actual?.ToJsonString()}");
                }

                break;
        }
    }

    private static bool SameInstant(JsonNode expected, JsonNode? actual) =>
        expected.GetValueKind() == JsonValueKind.String && actual?.GetValueKind() == JsonValueKind.String
        && DateTimeOffset.TryParse(expected.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var a)
        && DateTimeOffset.TryParse(actual.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var b)
        && a == b && expected.GetValue<string>().Contains('T', StringComparison.Ordinal);
}
