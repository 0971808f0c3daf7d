using AngleSharp.Dom;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace TicketSaas.IntegrationTests.Transcripts.Rendering;

/// <summary>
/// The golden thread rendered once: every feature of the page checked in the parsed HTML, one test case per feature,
/// then the page opened in Chromium under the strict policy the viewer sends.
/// </summary>
[Collection(TranscriptBrowserCollection.Name)]
public sealed class TranscriptRenderingTests(TranscriptBrowser browser, ITestOutputHelper output)
{
    private static readonly Lazy<Task<string>> Html = new(() => TranscriptPages.RenderAsync(GoldenThread.Document, GoldenThread.Closes));

    private const string FullDate = "Tuesday, November 17, 2026 10:00 AM UTC";

    /// <summary>Each feature, and what on the page shows it. A check answers null when it holds, else what it found instead.</summary>
    private static readonly (string Feature, Func<IDocument, string?> Check)[] Features =
    [
        ("ticket number", Has("header.ticket h1", "Ticket #42")),
        ("guild name", Has("header.ticket .guild", "Acme Support")),
        ("category", Fact("Category", "Billing")),
        ("opener", Fact("Opened by", "Ana (customer)")),
        ("claimed by", Fact("Claimed by", "Ben")),
        ("closed by", Fact("Closed by", "Ben")),
        ("close reason", Fact("Close reason", "Resolved: refund issued")),
        ("opened at", Fact("Opened", "11/20/2026 9:58 AM")),
        ("closed at", Fact("Closed", "11/20/2026 12:00 PM")),
        ("close sequence", Fact("Close", "#2")),
        ("every close of the ticket linked", Count("nav.closes li a", 2)),
        ("a close with its date", Attribute("nav.closes a[href='/t/golden?close=1'] time", "datetime", "2026-11-13T16:30:00Z")),
        ("this page's close marked as the current one", Attribute("nav.closes a[aria-current='page']", "href", "/t/golden?close=2")),
        ("form question", Has(".answers dt", "What went wrong?")),
        ("form answer", Has(".answers dd", "The parcel never arrived.\nTracking stopped on Monday.")),
        ("notice when message content could not be captured", Has(".notice", "Message Content permission")),

        ("avatar from the stored file", Attribute("#m-5002 img.avatar", "src", "/files/avatars%2Fana.png")),
        ("default avatar when none is stored", Count("#m-5001 div.avatar[class*='default-avatar-']", 1)),
        ("nickname shown, username on hover", Attribute("#m-5002 .header .name", "title", "ana", text: "Ana (customer)")),
        ("name in the role colour", Attribute("#m-5006 .header .name", "style", "color:#3498db", text: "Ben")),
        ("bot tag", Has("#m-5001 .header .bot-tag", "BOT")),
        ("message time, full date on hover", Attribute("#m-5002 .header time", "title", "Friday, November 20, 2026 10:01 AM UTC", text: "11/20/2026 10:01 AM")),
        ("author missing from the snapshot", Has("#m-5020 .header .name", "Unknown user")),

        ("one author within 7 minutes shares one header", OneGroup(5002, 5005)),
        ("continuation shows its time on hover", Has("#m-5003 time.side-time", "10:02 AM")),
        ("another author starts a group", StartsGroup(5006)),
        ("more than 7 minutes apart starts a group", StartsGroup(5009)),
        ("a reply starts a group", StartsGroup(5011)),
        ("system messages stand alone", StartsGroup(5015)),
        ("a new thread gets a divider", Has(".channel-divider", "#ticket-0042-billing")),

        ("bold **", Exactly("#m-5002 strong", "bold")),
        ("italic *", Exactly("#m-5002 em", "italic")),
        ("italic _", Exactly("#m-5002 em", "also italic")),
        ("underline __", Exactly("#m-5002 u", "underline")),
        ("strikethrough ~~", Exactly("#m-5002 s", "strike")),
        ("spoiler, revealed by hover or focus", Exactly("#m-5002 .spoiler[tabindex='0']", "secret")),
        ("inline code", Exactly("#m-5002 code.inline", "inline code")),
        ("backslash escapes", Has("#m-5002 .content", "*not italic*")),
        ("underscores inside words are text", Count("#m-5002 em", 2)),
        ("heading #", Exactly("#m-5003 h1", "Big heading")),
        ("heading ##", Exactly("#m-5003 h2", "Medium heading")),
        ("heading ###", Exactly("#m-5003 h3", "Small heading")),
        ("subtext -#", Exactly("#m-5003 small.subtext", "subtext line")),
        ("list -", Has("#m-5003 ul > li", "second")),
        ("nested list", Exactly("#m-5003 ul > li > ul > li", "nested")),
        ("numbered list", Exactly("#m-5003 ol > li", "two")),
        ("quote >", Exactly("#m-5003 blockquote", "quoted line")),
        ("quote >>> takes the rest of the message", Exactly("#m-5003 blockquote", "rest ofthe message")),
        ("code block with language", Exactly("#m-5004 pre.code-block > code.language-csharp", "var x = 1 < 2;")),
        ("masked link", Attribute("#m-5005 a", "href", "https://example.com/docs", text: "docs")),
        ("links open in a new tab without opener or referrer", Count("#m-5005 a[target='_blank'][rel~='noopener'][rel~='noreferrer']", 3)),
        ("bare link, without the sentence's full stop", Attribute("#m-5005 a", "href", "https://example.org/page", text: "https://example.org/page")),
        ("link in angle brackets", Attribute("#m-5005 a", "href", "https://example.net/nopreview")),
        ("masked link to javascript: stays text", Has("#m-5005 .content", "[bad](javascript:alert(1))")),

        ("user mention by nickname", Exactly("#m-5006 .mention", "@Ana (customer)")),
        ("user mention <@!id>", Exactly("#m-5006 .mention", "@Ben")),
        ("role mention in its colour", Attribute("#m-5006 .mention.role", "style", "color:#e67e22", text: "@Support")),
        ("channel mention", Exactly("#m-5006 .mention", "#ticket-0042")),
        ("unknown user", Exactly("#m-5006 .mention", "@unknown-user")),
        ("unknown role", Exactly("#m-5006 .mention", "@unknown-role")),
        ("unknown channel", Exactly("#m-5006 .mention", "#unknown-channel")),
        ("@everyone", Exactly("#m-5006 .mention", "@everyone")),
        ("@here", Exactly("#m-5006 .mention", "@here")),
        ("reply names the original's author", Exactly("#m-5006 .reply .reply-name", "Ana (customer)")),
        ("reply jumps to the original", Attribute("#m-5006 .reply a.reply-text", "href", "#m-5002")),
        ("reply quotes the original's text", Exactly("#m-5006 .reply-text strong", "bold")),
        ("reply to a deleted message", Exactly("#m-5011 .reply .reply-missing", "Original message was deleted")),

        ("custom emoji from its stored file", Attribute("#m-5007 img.emoji", "src", "/files/emojis%2F4001.png")),
        ("custom emoji named in alt", Count("#m-5007 img.emoji[alt=':blobwave:']", 1)),
        ("animated custom emoji", Attribute("#m-5007 img.emoji", "src", "/files/emojis%2F4002.gif")),
        ("custom emoji without a stored copy shows its name", Exactly("#m-5007 .emoji-name", ":gone:")),
        ("unicode emoji", Has("#m-5007 .content", "👍")),
        ("jumbo emoji when a message is only emoji", Count("#m-5008 .content.jumbo img.emoji", 2)),
        ("no jumbo next to text", Count("#m-5007 .content.jumbo", 0)),
        ("(edited), edit time on hover", Attribute("#m-5007 time.edited", "title", "Friday, November 20, 2026 10:15 AM UTC", text: "(edited)")),

        ("timestamp :t", Exactly("#m-5009 time.timestamp", "10:00 AM")),
        ("timestamp :T", Exactly("#m-5009 time.timestamp", "10:00:00 AM")),
        ("timestamp :d", Exactly("#m-5009 time.timestamp", "11/17/2026")),
        ("timestamp :D", Exactly("#m-5009 time.timestamp", "November 17, 2026")),
        ("timestamp :f and the default", Count("#m-5009 time.timestamp", 2, "November 17, 2026 10:00 AM")),
        ("timestamp :F", Exactly("#m-5009 time.timestamp", "Tuesday, November 17, 2026 10:00 AM")),
        ("timestamp :R, relative to the close", Exactly("#m-5009 time.timestamp", "3 days ago")),
        ("timestamps give the full date on hover", Every("#m-5009 time.timestamp", "title", value => value == FullDate, 8)),

        ("embed colour bar", Attribute("#m-5001 .embed", "style", "border-left-color:#5865f2")),
        ("embed author icon", Attribute("#m-5001 .embed-author img", "src", "/files/embeds%2Fauthor.png")),
        ("embed author link", Attribute("#m-5001 .embed-author a", "href", "https://example.com/bot", text: "TicketBot Help")),
        ("embed title link", Attribute("#m-5001 .embed-title a", "href", "https://example.com/tickets/42", text: "Ticket #42")),
        ("embed description with markdown", Exactly("#m-5001 .embed-description strong", "Please describe")),
        ("embed inline fields", Count("#m-5001 .embed-field.inline", 2)),
        ("embed full-width field", Exactly("#m-5001 .embed-field:not(.inline) .embed-field-value", "High")),
        ("embed field value with markdown", Exactly("#m-5001 .embed-field-value .mention", "@Ana (customer)")),
        ("embed image", Attribute("#m-5001 img.embed-image", "src", "/files/embeds%2Fbanner.png")),
        ("embed thumbnail", Attribute("#m-5001 img.embed-thumbnail", "src", "/files/embeds%2Fthumb.png")),
        ("embed footer icon", Attribute("#m-5001 .embed-footer img", "src", "/files/embeds%2Ffooter.png")),
        ("embed footer text", Has("#m-5001 .embed-footer", "TicketSaas")),
        ("embed timestamp", Exactly("#m-5001 .embed-footer time.embed-timestamp", "11/20/2026 10:00 AM")),

        ("image attachment with its size", Attribute("#m-5010 .attachment-image img[width='800'][height='600']", "alt", "The error dialog")),
        ("video attachment with controls, not autoplaying", Count("#m-5010 video[controls]:not([autoplay])", 1)),
        ("audio attachment with controls, not autoplaying", Count("#m-5010 audio[controls]:not([autoplay])", 1)),
        ("file attachment as a download link", Attribute("#m-5010 a.file-name[download]", "href", "/files/files%2Finvoice.pdf", text: "invoice.pdf")),
        ("file size", Exactly("#m-5010 .file-size", "120.56 KB")),
        ("attachment description", Exactly("#m-5010 .file-description", "March invoice")),
        ("attachment that was not copied", Has("#m-5010 .attachment-file.missing", "lost.zip")),
        ("… says so", Exactly("#m-5010 .attachment-file.missing .file-missing", "File not copied")),
        ("spoiler attachment, blurred until hover or focus", Count("#m-5010 .spoiler-attachment[tabindex='0'] img", 1)),

        ("reaction with unicode emoji and count", Exactly("#m-5012 .reaction", "👍3")),
        ("reaction with custom emoji and count", Attribute("#m-5012 .reaction img.emoji", "src", "/files/emojis%2F4001.png")),
        ("reaction count", Exactly("#m-5012 .reaction .reaction-count", "2")),
        ("sticker from its stored file", Attribute("#m-5013 img.sticker[alt='Wave']", "src", "/files/stickers%2F6001.png")),
        ("Lottie sticker by name", Exactly("#m-5013 .sticker-name", "Sticker: Dancing")),

        ("member joined", Has("#m-5014.system", "Carl joined the server.")),
        ("pinned message, linked", Attribute("#m-5015.system a", "href", "#m-5010", text: "a message")),
        ("thread created", Has("#m-5016.system", "Ben started a thread: billing-followup")),
        ("member added to the thread", Has("#m-5017.system", "Ben added Carl to the thread.")),
        ("other system messages", Has("#m-5018.system", "Discord system message (type 21)")),

        ("no script", Count("script", 0)),
        ("one inline style sheet", Count("style", 1)),
        ("nothing loaded from elsewhere", Count("link, iframe, object, embed, base, meta[http-equiv]", 0)),
        ("every src is a stored file", Every("[src]", "src", value => value.StartsWith(TranscriptPages.FilePrefix, StringComparison.Ordinal))),
        ("every href is a stored file, a jump, a close of the ticket or https", Every("[href]", "href", value =>
            value.StartsWith(TranscriptPages.FilePrefix, StringComparison.Ordinal) || value.StartsWith("#m-", StringComparison.Ordinal)
            || GoldenThread.Closes.Any(c => c.Url == value) || value.StartsWith("https://", StringComparison.Ordinal))),
        ("no event handler attribute", page => page.All.SelectMany(e => e.Attributes).FirstOrDefault(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))?.Name),
    ];

    public static TheoryData<string> FeatureNames => [.. Features.Select(f => f.Feature)];

    [Theory]
    [MemberData(nameof(FeatureNames))]
    public async Task Golden_thread_shows(string feature)
    {
        var page = TranscriptPages.Parse(await Html.Value);

        var problem = Features.Single(f => f.Feature == feature).Check(page);

        Assert.True(problem is null, $"{feature}: {problem}");
    }

    [Fact]
    public async Task Notice_is_absent_when_message_content_was_captured()
    {
        var page = TranscriptPages.Parse(await TranscriptPages.RenderAsync(GoldenThread.Document with { ContentMissing = false }));

        Assert.Empty(page.QuerySelectorAll(".notice"));
    }

    [Fact]
    public async Task Chromium_loads_every_picture_under_the_strict_policy_and_spoilers_open_on_click()
    {
        await using var visit = await browser.VisitAsync(await Html.Value, TranscriptBrowser.StrictPolicy);
        var page = visit.Page;

        var images = await page.EvaluateAsync<int>("document.images.length");
        var broken = await page.EvaluateAsync<string[]>(LoadEveryImage);
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        var spoiler = page.Locator("#m-5002 .spoiler");
        var hidden = await spoiler.EvaluateAsync<string>("e => getComputedStyle(e).color");
        await spoiler.ClickAsync();
        var shown = await spoiler.EvaluateAsync<string>("e => getComputedStyle(e).color");
        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "transcripts")).FullName;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(artifacts, "golden-thread.png"), FullPage = true });
        await File.WriteAllTextAsync(Path.Combine(artifacts, "golden-thread.html"), await Html.Value);
        output.WriteLine($"The golden thread's page and screenshot: {artifacts}/golden-thread.html, golden-thread.png");

        Assert.Equal(20, images);
        Assert.Empty(broken);
        Assert.Equal("rgb(49, 51, 56)", background);
        Assert.Equal("rgba(0, 0, 0, 0)", hidden);
        Assert.NotEqual(hidden, shown);
        Assert.Empty(visit.XssCalls);
        Assert.Empty(visit.Dialogs);
    }

    /// <summary>Loads the lazy pictures at once and answers the src of each that did not decode.</summary>
    private const string LoadEveryImage = """
        async () => {
          const images = [...document.images];
          images.forEach(image => image.loading = 'eager');
          await Promise.all(images.map(image => image.complete ? null : new Promise(done => { image.onload = done; image.onerror = done; })));
          return images.filter(image => image.naturalWidth === 0).map(image => image.getAttribute('src'));
        }
        """;

    private static Func<IDocument, string?> Has(string selector, string text) =>
        Matching(selector, e => e.TextContent.Contains(text, StringComparison.Ordinal), $"containing \"{text}\"");

    private static Func<IDocument, string?> Exactly(string selector, string text) =>
        Matching(selector, e => e.TextContent == text, $"reading \"{text}\"");

    private static Func<IDocument, string?> Attribute(string selector, string attribute, string value, string? text = null) =>
        Matching(selector, e => e.GetAttribute(attribute) == value && (text is null || e.TextContent == text), $"with {attribute}=\"{value}\" reading \"{text}\"");

    private static Func<IDocument, string?> Matching(string selector, Func<IElement, bool> match, string expectation) => page =>
    {
        var candidates = page.QuerySelectorAll(selector);
        return candidates.Any(match)
            ? null
            : $"no {selector} {expectation}; found {candidates.Length}: {string.Join(" | ", candidates.Take(6).Select(e => e.OuterHtml))}";
    };

    private static Func<IDocument, string?> Count(string selector, int count, string? text = null) => page =>
    {
        var found = page.QuerySelectorAll(selector).Count(e => text is null || e.TextContent == text);
        return found == count ? null : $"{found} × {selector}, expected {count}";
    };

    private static Func<IDocument, string?> Every(string selector, string attribute, Func<string, bool> allowed, int? count = null) => page =>
    {
        var elements = page.QuerySelectorAll(selector);
        var refused = elements.Select(e => e.GetAttribute(attribute)!).Where(value => !allowed(value)).ToList();
        return refused.Count > 0 ? $"{attribute} not allowed: {string.Join(", ", refused.Take(6))}"
            : elements.Length == 0 || (count is { } expected && elements.Length != expected) ? $"{elements.Length} × {selector}"
            : null;
    };

    private static Func<IDocument, string?> Fact(string label, string value) => page =>
    {
        var fact = page.QuerySelectorAll(".facts dt").FirstOrDefault(dt => dt.TextContent == label)?.NextElementSibling;
        return fact?.TextContent == value ? null : $"{label} reads \"{fact?.TextContent}\"";
    };

    /// <summary>The messages from <paramref name="first"/> to <paramref name="last"/> form one group under one header.</summary>
    private static Func<IDocument, string?> OneGroup(ulong first, ulong last) => page =>
    {
        var group = page.GetElementById($"m-{first}")?.ParentElement;
        var ids = group?.Children.Select(e => e.Id).ToList() ?? [];
        var headers = group?.QuerySelectorAll(".header").Length;
        return ids.FirstOrDefault() == $"m-{first}" && ids.LastOrDefault() == $"m-{last}" && headers == 1
            ? null
            : $"group holds {string.Join(", ", ids)} with {headers} header(s)";
    };

    private static Func<IDocument, string?> StartsGroup(ulong id) => page =>
    {
        var message = page.GetElementById($"m-{id}");
        return message?.ParentElement?.FirstElementChild == message && message?.ParentElement?.LocalName == "section"
            ? null
            : $"m-{id} is inside a group that starts with {message?.ParentElement?.FirstElementChild?.Id}";
    };
}
