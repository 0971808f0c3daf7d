using AngleSharp.Dom;
using TicketSaas.Modules.Transcripts.Domain.Documents;

namespace TicketSaas.IntegrationTests.Transcripts.Rendering;

/// <summary>Message content in, the content element's HTML out: Discord's rules one case at a time, edge cases included.</summary>
public sealed class DiscordMarkdownTests
{
    private const string Link = "target=\"_blank\" rel=\"noopener noreferrer nofollow ugc\"";

    [Theory]
    [InlineData("**bold**", "<strong>bold</strong>")]
    [InlineData("***both***", "<strong><em>both</em></strong>")]
    [InlineData("**a*", "*<em>a</em>")]
    [InlineData("a * not italic *", "a * not italic *")]
    [InlineData("* a list item", "<ul><li>a list item</li></ul>")]
    [InlineData("- a\n1. b", "<ul><li>a</li></ul><ol><li>b</li></ol>")]
    [InlineData("snake_case_name", "snake_case_name")]
    [InlineData("_a_b_", "<em>a_b</em>")]
    [InlineData("__*x*__", "<u><em>x</em></u>")]
    [InlineData("~~gone~~ ||a|| ||b", "<s>gone</s> <span class=\"spoiler\" tabindex=\"0\">a</span> ||b")]
    [InlineData("\\*not\\* \\_either\\_ \\\\", "*not* _either_ \\")]
    [InlineData("`a **b**` ``c`d``", "<code class=\"inline\">a **b**</code> <code class=\"inline\">c`d</code>")]
    [InlineData("a\nb", "a<br>b")]
    [InlineData("```js\nlet a = 1;\n```", "<pre class=\"code-block\"><code class=\"language-js\">let a = 1;</code></pre>")]
    [InlineData("```\n# not a heading\n- nor a list\n```", "<pre class=\"code-block\"><code># not a heading\n- nor a list</code></pre>")]
    [InlineData("before ```x``` after", "before <pre class=\"code-block\"><code>x</code></pre> after")]
    [InlineData("[t](https://e.com)", $"<a href=\"https://e.com/\" title=\"https://e.com/\" {Link}>t</a>")]
    [InlineData("[t](<https://e.com/a>)", $"<a href=\"https://e.com/a\" title=\"https://e.com/a\" {Link}>t</a>")]
    [InlineData("[t](javascript:x)", "[t](javascript:x)")]
    [InlineData("[t](ftp://e.com)", "[t](ftp://e.com)")]
    [InlineData("see https://e.com/a_(b), ok", $"see <a href=\"https://e.com/a_(b)\" {Link}>https://e.com/a_(b)</a>, ok")]
    [InlineData("https://e.com/**x**", $"<a href=\"https://e.com/**x**\" {Link}>https://e.com/**x**</a>")]
    [InlineData("<t:0:D> <t:0:Q> <t:x>", "<time class=\"timestamp\" datetime=\"1970-01-01T00:00:00Z\" title=\"Thursday, January 1, 1970 12:00 AM UTC\">January 1, 1970</time> &lt;t:0:Q&gt; &lt;t:x&gt;")]
    [InlineData("<@42> <@&43> <#44>", "<span class=\"mention\">@unknown-user</span> <span class=\"mention\">@unknown-role</span> <span class=\"mention\">#unknown-channel</span>")]
    [InlineData("<:nope:12345>", "<span class=\"emoji-name\">:nope:</span>")]
    [InlineData("# title\n#no\n#### no", "<h1>title</h1>#no<br>#### no")]
    [InlineData("-# small", "<small class=\"subtext\">small</small>")]
    [InlineData("1. a\n  - b\n2. c", "<ol><li>a<ul><li>b</li></ul></li><li>c</li></ol>")]
    [InlineData("5. five", "<ol start=\"5\"><li>five</li></ol>")]
    [InlineData("> a\n> b\nc", "<blockquote>a<br>b</blockquote>c")]
    [InlineData("> # h\n> > not nested", "<blockquote><h1>h</h1>&gt; not nested</blockquote>")]
    [InlineData(">>> all\n- of\nthis", "<blockquote>all<ul><li>of</li></ul>this</blockquote>")]
    [InlineData("@everyone @here @someone", "<span class=\"mention\">@everyone</span> <span class=\"mention\">@here</span> @someone")]
    public async Task Content_reads_as_in_Discord(string content, string html)
    {
        Assert.Equal(html, await ContentHtmlAsync(content));
    }

    [Fact]
    public async Task Nesting_stops_at_a_fixed_depth_and_the_rest_stays_text()
    {
        var pairs = string.Concat(Enumerable.Repeat("**", 500));

        var page = TranscriptPages.Parse(await TranscriptPages.RenderAsync(OneMessage($"{pairs}x{pairs}")));

        var deepest = page.QuerySelectorAll("#m-1 strong").Max(e => e.GetAncestors().Count(a => a.NodeName == "STRONG")) + 1;
        Assert.InRange(deepest, 30, 34);
        Assert.Contains("x", page.QuerySelector("#m-1 .content")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("😀", true)]
    [InlineData("<:blobwave:4001> 👍🏽 1️⃣ 👨‍👩‍👧", true)]
    [InlineData("😀 ok", false)]
    [InlineData("123", false)]
    public async Task Only_emoji_are_jumbo(string content, bool jumbo)
    {
        var page = TranscriptPages.Parse(await TranscriptPages.RenderAsync(OneMessage(content)));

        Assert.Equal(jumbo, page.QuerySelector("#m-1 .content")!.ClassList.Contains("jumbo"));
    }

    [Fact]
    public async Task More_than_27_emoji_are_not_jumbo()
    {
        var page = TranscriptPages.Parse(await TranscriptPages.RenderAsync(OneMessage(string.Concat(Enumerable.Repeat("😀", 28)))));

        Assert.False(page.QuerySelector("#m-1 .content")!.ClassList.Contains("jumbo"));
    }

    private static async Task<string> ContentHtmlAsync(string content) =>
        TranscriptPages.Parse(await TranscriptPages.RenderAsync(OneMessage(content))).QuerySelector("#m-1 .content")!.InnerHtml;

    private static TranscriptDocument OneMessage(string content) =>
        GoldenThread.Document with { Messages = [GoldenThread.Message(1, GoldenThread.Ana, 0, content)] };
}
