using System.Text.Json;
using TicketSaas.Host.Composition;

namespace TicketSaas.IntegrationTests.Support;

public static class Json
{
    /// <summary>The API's own settings: snowflakes as strings, strict numbers.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HostComposition.ConfigureJson(options);
        options.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip;
        return options;
    }
}
