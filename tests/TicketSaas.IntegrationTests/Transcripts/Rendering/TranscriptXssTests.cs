using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using TicketSaas.Modules.Transcripts.Rendering;

namespace TicketSaas.IntegrationTests.Transcripts.Rendering;

/// <summary>
/// Every payload of <see cref="XssPayloads"/> in every field, on one page: nothing may run in Chromium, with no policy
/// at all (escaping alone must hold) and again under the strict policy; a payload the test plants unescaped proves the
/// detector would have seen one.
/// </summary>
[Collection(TranscriptBrowserCollection.Name)]
public sealed partial class TranscriptXssTests(TranscriptBrowser browser)
{
    private const int Planted = 424242;

    private static readonly Lazy<Task<string>> Html = new(RenderHostileAsync);

    /// <summary>Everything the renderer writes; any other element in the page came from a payload.</summary>
    private static readonly HashSet<string> RendererElements =
    [
        "html", "head", "meta", "title", "style", "body", "header", "nav", "main", "section", "div", "p", "span", "h1", "h2", "h3", "dl", "dt", "dd",
        "img", "a", "time", "strong", "em", "u", "s", "code", "pre", "br", "blockquote", "ul", "ol", "li", "small", "video", "audio",
    ];

    private static readonly string[] UrlAttributes = ["href", "src", "srcset", "action", "formaction", "poster", "data", "xlink:href", "background", "ping", "cite"];

    [Fact]
    public async Task Hostile_page_holds_only_what_the_renderer_writes_with_every_payload_as_text()
    {
        var page = TranscriptPages.Parse(await Html.Value);
        var body = XssPayloads.Comparable(page.Body!.TextContent);

        var foreign = page.All.Select(e => e.LocalName).Where(name => !RendererElements.Contains(name)).Distinct().ToList();
        var handlers = page.All.SelectMany(e => e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).Select(a => $"{e.LocalName} {a.Name}")).ToList();
        var addresses = page.All.SelectMany(e => e.Attributes.Where(a => UrlAttributes.Contains(a.Name)).Where(a => !IsHttpOrRelative(a.Value)).Select(a => $"{a.Name}={a.Value}")).ToList();
        var notShown = Enumerable.Range(0, XssPayloads.Templates.Length)
            .Where(p => !body.Contains(XssPayloads.Comparable(XssPayloads.For(p, XssPayloads.Field.Nick)), StringComparison.Ordinal)).ToList();

        Assert.True(XssPayloads.Templates.Length >= 100, $"only {XssPayloads.Templates.Length} payloads");
        Assert.Empty(foreign);
        Assert.Empty(handlers);
        Assert.Empty(addresses);
        Assert.Empty(notShown);
        Assert.Contains(XssPayloads.Comparable(XssPayloads.For(0, XssPayloads.Field.GuildName)), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_page_runs_nothing_in_Chromium_without_any_policy()
    {
        await using var visit = await browser.VisitAsync(await Html.Value);

        var report = await ProvokeAsync(visit);

        Assert.Empty(visit.XssCalls);
        Assert.Empty(visit.Dialogs);
        Assert.Empty(report.Handlers);
        Assert.Empty(report.Addresses);
        Assert.Empty(report.Elements.Except(RendererElements));
        Assert.Equal(visit.Url, visit.Page.Url);
    }

    [Fact]
    public async Task Detector_records_a_payload_the_test_writes_into_the_page_unescaped()
    {
        await using var visit = await browser.VisitAsync(await PlantedAsync());

        await ProvokeAsync(visit);

        Assert.NotEmpty(visit.XssCalls);
        Assert.All(visit.XssCalls, id => Assert.Equal(Planted, id));
        Assert.NotEmpty(visit.Dialogs);
        Assert.All(visit.Dialogs, message => Assert.Equal($"{Planted}", message));
    }

    [Fact]
    public async Task Strict_policy_runs_nothing_either_and_stops_even_the_planted_payload()
    {
        await using var hostile = await browser.VisitAsync(await Html.Value, TranscriptBrowser.StrictPolicy);
        await using var planted = await browser.VisitAsync(await PlantedAsync(), TranscriptBrowser.StrictPolicy);

        await ProvokeAsync(hostile);
        await ProvokeAsync(planted);

        Assert.Empty(hostile.XssCalls);
        Assert.Empty(hostile.Dialogs);
        Assert.Empty(planted.XssCalls);
        Assert.Empty(planted.Dialogs);
    }

    // A careless mapping that writes keys into the page as they are: the renderer has to stay safe on its own.
    private static async Task<string> RenderHostileAsync()
    {
        using var output = new StringWriter();
        await TranscriptRenderer.RenderAsync(XssPayloads.Document(), output, key => key, [], CancellationToken.None);
        return output.ToString();
    }

    private static async Task<string> PlantedAsync() =>
        (await Html.Value).Replace("</main>", $"<img src=\"/nowhere\" onerror=\"__xss({Planted});alert({Planted})\"></main>", StringComparison.Ordinal);

    // A browser ignores leading control characters and spaces and drops tabs and newlines before it reads a scheme.
    private static bool IsHttpOrRelative(string value)
    {
        var scheme = Scheme().Match(BrowserNoise().Replace(value, ""));
        return !scheme.Success || scheme.Groups[1].Value.ToLowerInvariant() is "http" or "https";
    }

    [GeneratedRegex("^([a-zA-Z][a-zA-Z0-9+.-]*):")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^[\u0000-\u0020]+|[\t\n\r]")]
    private static partial Regex BrowserNoise();

    /// <summary>
    /// Fires the events inline handlers listen for on every element (a handler that slipped through runs now, not only
    /// when someone hovers), lets the page settle, then reports handler attributes, non-http(s) addresses as the
    /// browser resolved them, and the element names the browser's own parser produced.
    /// </summary>
    private static async Task<ProvokeReport> ProvokeAsync(BrowserVisit visit)
    {
        var report = await visit.Page.EvaluateAsync<JsonElement>("""
            async (urlAttributes) => {
              const events = ['mouseover', 'mouseenter', 'mousemove', 'focus', 'focusin', 'pointerover', 'pointerenter', 'animationstart',
                'animationend', 'transitionend', 'toggle', 'load', 'error', 'begin', 'start'];
              const all = [...document.querySelectorAll('*')];
              for (const element of all) for (const type of events) element.dispatchEvent(new Event(type));
              await new Promise(done => setTimeout(done, 500));
              const handlers = [], addresses = [];
              for (const element of document.querySelectorAll('*')) {
                for (const attribute of element.attributes) {
                  const name = attribute.name.toLowerCase();
                  if (name.startsWith('on')) handlers.push(`${element.localName} ${name}`);
                  if (urlAttributes.includes(name)) {
                    let protocol;
                    try { protocol = new URL(attribute.value, document.baseURI).protocol; } catch { protocol = 'unparsable'; }
                    if (protocol !== 'http:' && protocol !== 'https:') addresses.push(`${name}=${attribute.value}`);
                  }
                }
              }
              return { handlers, addresses, elements: [...new Set([...document.querySelectorAll('*')].map(e => e.localName))] };
            }
            """, UrlAttributes);
        return new ProvokeReport(Strings(report, "handlers"), Strings(report, "addresses"), Strings(report, "elements"));
    }

    private static string[] Strings(JsonElement report, string property) =>
        [.. report.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];

    private sealed record ProvokeReport(string[] Handlers, string[] Addresses, string[] Elements);
}
