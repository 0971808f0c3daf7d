using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace TicketSaas.Modules.Transcripts.Rendering;

/// <summary>
/// The part of the page not yet handed to the output. The renderer writes into it synchronously and awaits the output
/// once per <see cref="FlushThreshold"/> characters: a response body that refuses synchronous writes still works, and
/// memory stays bounded however long the thread is.
/// </summary>
/// <remarks>
/// Two ways in, on purpose: <see cref="Text"/> encodes, and serves element content and double-quoted attribute values
/// alike; <see cref="Markup"/> does not, and takes only literals written in this folder. Anything from Discord, a
/// member, a snapshot or the caller goes through <see cref="Text"/>.
/// </remarks>
internal sealed class HtmlBuffer
{
    public const int FlushThreshold = 16 * 1024;

    // Every script stays readable in the page; only what HTML gives a meaning to (and what cannot be trusted to
    // survive a round trip, such as lone surrogates) is encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _html = new(FlushThreshold * 2);

    public int Length => _html.Length;

    public HtmlBuffer Markup(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlBuffer Text(ReadOnlySpan<char> text)
    {
        Span<char> encoded = stackalloc char[512];
        OperationStatus status;
        do
        {
            status = Encoder.Encode(text, encoded, out var consumed, out var written);
            _html.Append(encoded[..written]);
            text = text[consumed..];
        }
        while (status == OperationStatus.DestinationTooSmall);

        return this;
    }

    public HtmlBuffer Number<T>(T value)
        where T : ISpanFormattable
    {
        Span<char> digits = stackalloc char[24];
        value.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        _html.Append(digits[..written]);
        return this;
    }

    /// <summary>A colour as #rrggbb, the only value ever written into a style attribute: built from a number, never from text.</summary>
    public HtmlBuffer Color(int rgb)
    {
        Span<char> hex = stackalloc char[6];
        (rgb & 0xFFFFFF).TryFormat(hex, out _, "x6", CultureInfo.InvariantCulture);
        _html.Append('#').Append(hex);
        return this;
    }

    /// <summary>A moment in UTC, in English as Discord shows it to an en-US reader.</summary>
    public HtmlBuffer Date(DateTimeOffset value, string format)
    {
        Span<char> text = stackalloc char[64];
        value.UtcDateTime.TryFormat(text, out var written, format, CultureInfo.InvariantCulture);
        return Text(text[..written]);
    }

    public async Task FlushToAsync(TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteAsync(_html, cancellationToken).ConfigureAwait(false);
        _html.Clear();
    }
}
