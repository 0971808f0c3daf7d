using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TicketSaas.LoadTests;

/// <summary>
/// The API host's admin endpoints, called as each guild's admin through the development headers: the benchmark
/// configures guilds the way a guild admin does, so the bot host reads what the product itself wrote.
/// </summary>
internal sealed class AdminApi(Uri baseAddress) : IDisposable
{
    private const string AdminUserId = "800000000000000001";

    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public Task<JsonNode> PostAsync(ulong guildId, string path, object body) => SendAsync(HttpMethod.Post, guildId, path, body);

    public Task<JsonNode> PutAsync(ulong guildId, string path, object body) => SendAsync(HttpMethod.Put, guildId, path, body);

    public void Dispose() => _http.Dispose();

    private async Task<JsonNode> SendAsync(HttpMethod method, ulong guildId, string path, object body)
    {
        var guild = guildId.ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(method, $"/api/v1/guilds/{guild}{path}") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Dev-User", AdminUserId);
        request.Headers.Add("X-Dev-Managed-Guilds", guild);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {request.RequestUri} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }
}
