using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TicketSaas.Discord.EndToEndTests;

/// <summary>
/// An interactions endpoint on 127.0.0.1 that accepts every interaction without answering it in the HTTP reply,
/// so the test answers through the REST callback route instead.
/// </summary>
public sealed class AcceptingEndpoint : IAsyncDisposable
{
    private readonly WebApplication app;

    private AcceptingEndpoint(WebApplication app, Uri uri)
    {
        this.app = app;
        Uri = uri;
    }

    public Uri Uri { get; }

    public static async Task<AcceptingEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/interactions", () => Results.Accepted());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new AcceptingEndpoint(app, new Uri(address + "/interactions"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
