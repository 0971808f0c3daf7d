using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;

namespace TicketSaas.Discord.Emulator.Tests;

/// <summary>
/// A tiny application interactions endpoint on 127.0.0.1: it verifies Discord's Ed25519 signature with NSec
/// (401 when it fails, as Discord requires) and answers with what the test asks for.
/// </summary>
public sealed class LoopbackEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly List<JsonObject> _received;

    private LoopbackEndpoint(WebApplication app, Uri uri, List<JsonObject> received)
    {
        _app = app;
        Uri = uri;
        _received = received;
    }

    public Uri Uri { get; }

    /// <summary>The payloads whose signature verified.</summary>
    public IReadOnlyList<JsonObject> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<LoopbackEndpoint> StartAsync(string publicKeyHex, Func<JsonObject, JsonObject> answer)
    {
        var publicKey = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var received = new List<JsonObject>();
        app.MapPost("/interactions", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var timestamp = http.Request.Headers["X-Signature-Timestamp"].ToString();
            var signature = http.Request.Headers["X-Signature-Ed25519"].ToString();
            if (signature.Length != 128 || !SignatureAlgorithm.Ed25519.Verify(publicKey, Encoding.UTF8.GetBytes(timestamp + body), Convert.FromHexString(signature)))
            {
                return Results.Unauthorized();
            }

            var payload = JsonNode.Parse(body)!.AsObject();
            lock (received)
            {
                received.Add(payload);
            }

            return Results.Content(answer(payload).ToJsonString(), "application/json");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackEndpoint(app, new Uri(address + "/interactions"), received);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
