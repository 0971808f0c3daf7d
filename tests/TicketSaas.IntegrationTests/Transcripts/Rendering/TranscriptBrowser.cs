using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace TicketSaas.IntegrationTests.Transcripts.Rendering;

/// <summary>
/// Debian's Chromium driven by Playwright, and a small HTTP server on 127.0.0.1 that serves transcript pages (with or
/// without a Content-Security-Policy header) and answers every /files/… request with a small SVG picture; or pages of an
/// in-process host, through Playwright's request routing.
/// </summary>
public sealed class TranscriptBrowser : IAsyncLifetime
{
    /// <summary>Playwright downloads no browser here: the tests use the distribution's (scripts/test.sh installs it).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The policy a transcript page needs and no more: our own images and media, the inline style sheet.</summary>
    public const string StrictPolicy =
        "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Where <see cref="VisitHostAsync"/> pretends the host listens.</summary>
    public const string HostOrigin = "http://viewer.test";

    private readonly ConcurrentDictionary<string, (string Html, string? Policy)> _pages = new();
    private WebApplication? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"No Chromium at {ChromiumPath}: install Debian's chromium package (scripts/test.sh does).");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _server = builder.Build();
        _server.MapGet("/pages/{name}", (string name, HttpResponse response) =>
        {
            if (!_pages.TryGetValue(name, out var page))
            {
                return Results.NotFound();
            }

            if (page.Policy is not null)
            {
                response.Headers.ContentSecurityPolicy = page.Policy;
            }

            return Results.Content(page.Html, "text/html; charset=utf-8");
        });
        _server.MapGet("/files/{**key}", (string key) => Results.Content(Picture(key), "image/svg+xml"));
        await _server.StartAsync();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    public string Origin => _server!.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    /// <summary>A fresh browser context for pages served elsewhere (an API host), e.g. with extra request headers.</summary>
    public Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options) => _browser!.NewContextAsync(options);

    /// <summary>Opens <paramref name="html"/> served from this server, and records every call of window.__xss and every dialog.</summary>
    public async Task<BrowserVisit> VisitAsync(string html, string? contentSecurityPolicy = null)
    {
        var name = Guid.NewGuid().ToString("N");
        _pages[name] = (html, contentSecurityPolicy);
        return await OpenAsync($"{Origin}/pages/{name}", new ViewportSize { Width = 1100, Height = 900 }, _ => Task.CompletedTask);
    }

    /// <summary>
    /// Opens <paramref name="path"/> of an in-process host (one without a socket): requests to <see cref="HostOrigin"/>
    /// are answered by <paramref name="host"/>, headers and all; any other request goes out to the network as usual.
    /// The viewport is tall, so that no lazily loaded image is left unloaded below the fold.
    /// </summary>
    public Task<BrowserVisit> VisitHostAsync(HttpClient host, string path) =>
        OpenAsync(HostOrigin + path, new ViewportSize { Width = 1100, Height = 4000 }, page => page.RouteAsync(HostOrigin + "/**", async route =>
        {
            using var answer = await host.GetAsync(new Uri(route.Request.Url).PathAndQuery);
            var headers = answer.Headers.Concat(answer.Content.Headers).ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
            await route.FulfillAsync(new RouteFulfillOptions { Status = (int)answer.StatusCode, Headers = headers, BodyBytes = await answer.Content.ReadAsByteArrayAsync() });
        }));

    private async Task<BrowserVisit> OpenAsync(string url, ViewportSize viewport, Func<IPage, Task> prepare)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport });
        var page = await context.NewPageAsync();
        await prepare(page);
        var visit = new BrowserVisit(context, page, url);
        page.Request += (_, request) => visit.Requests.Enqueue(request.Url);
        await page.ExposeFunctionAsync<int>("__xss", visit.XssCalls.Enqueue);
        page.Dialog += async (_, dialog) =>
        {
            visit.Dialogs.Enqueue(dialog.Message);
            await dialog.DismissAsync();
        };
        var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(200, response?.Status);
        return visit;
    }

    // A distinct colour per stored file, so a screenshot shows which picture went where.
    private static string Picture(string key)
    {
        var hue = key.Aggregate(0, (sum, c) => (sum * 31 + c) % 360);
        return string.Create(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\"><rect width=\"64\" height=\"64\" fill=\"hsl({hue},60%,55%)\"/></svg>");
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>One page opened in its own browser context, with what its scripts did, if anything ran at all.</summary>
public sealed class BrowserVisit(IBrowserContext context, IPage page, string url) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public string Url { get; } = url;

    public ConcurrentQueue<int> XssCalls { get; } = new();

    public ConcurrentQueue<string> Dialogs { get; } = new();

    /// <summary>The address of every request the page made, in order: the network log.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public ValueTask DisposeAsync() => context.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class TranscriptBrowserCollection : ICollectionFixture<TranscriptBrowser>
{
    public const string Name = "Transcript pages in Chromium";
}
