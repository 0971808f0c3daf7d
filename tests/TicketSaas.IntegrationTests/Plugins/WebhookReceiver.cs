using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TicketSaas.IntegrationTests.Plugins;

/// <summary>A webhook receiver on 127.0.0.1 that answers 500 to its first <c>failures</c> requests and records all.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _remainingFailures;

    private WebhookReceiver(WebApplication app, int failures)
    {
        _app = app;
        _remainingFailures = failures;
    }

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/hook";

    public static async Task<WebhookReceiver> StartAsync(int failures = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, failures);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            receiver.Received.Enqueue(new ReceivedWebhook(
                request.Headers["X-TicketSaas-Timestamp"].ToString(), request.Headers["X-TicketSaas-Signature"].ToString(), await reader.ReadToEndAsync()));
            return Interlocked.Decrement(ref receiver._remainingFailures) >= 0 ? Results.StatusCode(500) : Results.NoContent();
        });
        await app.StartAsync();
        return receiver;
    }

    public async Task UntilReceivedAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Received.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{Received.Count} of {count} webhook(s) received in 30 s.");
            await Task.Delay(50);
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

public sealed record ReceivedWebhook(string Timestamp, string Signature, string Body)
{
    /// <summary>The receiver's recipe from the plugin guide: HMAC-SHA256 over "{timestamp}.{body}", compared in constant time.</summary>
    public bool IsSignedWith(string secret)
    {
        var expected = "v1=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{Timestamp}.{Body}")));
        var fresh = Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(Timestamp, CultureInfo.InvariantCulture)) <= 300;
        return fresh && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(Signature));
    }
}
