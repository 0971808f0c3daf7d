using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using TicketSaas.Modules.Transcripts.Domain.Documents;
using TicketSaas.Modules.Transcripts.Rendering;

namespace TicketSaas.IntegrationTests.Transcripts.Rendering;

/// <summary>Renders documents the way the viewer does: stored files under the page's own origin, at /files/&lt;key&gt;.</summary>
internal static class TranscriptPages
{
    public const string FilePrefix = "/files/";

    public static string FileUrl(string key) => FilePrefix + Uri.EscapeDataString(key);

    /// <param name="closes">The ticket's closes, as the viewer lists them; none for a page on its own.</param>
    public static async Task<string> RenderAsync(TranscriptDocument document, IReadOnlyList<CloseLink>? closes = null)
    {
        using var output = new StringWriter();
        await TranscriptRenderer.RenderAsync(document, output, FileUrl, closes ?? [], CancellationToken.None);
        return output.ToString();
    }

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
