using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TicketSaas.IntegrationTests.Support;

public static class HttpAssertions
{
    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return (await response.Content.ReadFromJsonAsync<T>(Json.Options))!;
    }

    /// <summary>POSTs a body that must succeed (any 2xx), with the problem shown when it does not.</summary>
    public static async Task<JsonNode> PostJsonAsync(this HttpClient client, string url, object body) =>
        await SucceededAsync(await client.PostAsJsonAsync(url, body, Json.Options));

    public static async Task<JsonNode> PutJsonAsync(this HttpClient client, string url, object body) =>
        await SucceededAsync(await client.PutAsJsonAsync(url, body, Json.Options));

    private static async Task<JsonNode> SucceededAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body.Length == 0 ? "{}" : body)!;
    }
}
