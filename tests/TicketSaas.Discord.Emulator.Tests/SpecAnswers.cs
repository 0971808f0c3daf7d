using System.Text.Json;
using TicketSaas.Discord.Emulator.Spec;
using TicketSaas.Testing;
using Xunit;

namespace TicketSaas.Discord.Emulator.Tests;

/// <summary>
/// Holds an answer to what Discord's OpenAPI document says the operation returns for its status. The emulator
/// checks requests only; tests of a route check its answers with this.
/// </summary>
internal static class SpecAnswers
{
    public static async Task AssertMatchesAsync(HttpResponseMessage response)
    {
        var request = response.RequestMessage!;
        var text = await response.Content.ReadAsStringAsync();
        using var document = text.Length == 0 ? null : JsonDocument.Parse(text);
        var path = request.RequestUri!.AbsolutePath["/api/v10".Length..];
        var spec = OpenApiSpec.Load(SharedData.PathOf(DiscordEmulator.SpecFile));
        Assert.Empty(spec.CheckResponse(request.Method.Method, path, (int)response.StatusCode, document?.RootElement).Select(v => v.ToString()));
    }
}
