using System.Buffers;
using System.Globalization;
using System.Text;

namespace TicketSaas.Modules.Transcripts.Rendering;

/// <summary>How emoji look: custom ones as images of our stored copy, and everything large when a message is nothing but emoji.</summary>
internal static class DiscordEmoji
{
    /// <summary>Discord stops enlarging emoji past this many in one message.</summary>
    private const int JumboLimit = 27;

    private static readonly SearchValues<char> NameCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    /// <summary>
    /// An image of a custom emoji, or its :name: as text when no copy was stored (as Discord shows an emoji it cannot load).
    /// </summary>
    public static void WriteCustom(HtmlBuffer html, string? url, ReadOnlySpan<char> name)
    {
        if (url is null)
        {
            html.Markup("<span class=\"emoji-name\">:").Text(name).Markup(":</span>");
            return;
        }

        html.Markup("<img class=\"emoji\" src=\"").Text(url).Markup("\" alt=\":").Text(name).Markup(":\" title=\":").Text(name)
            .Markup(":\" loading=\"lazy\">");
    }

    /// <summary>True when the content is only emoji (custom or unicode) and white space, one to <see cref="JumboLimit"/> of them.</summary>
    public static bool IsJumbo(string content)
    {
        var count = 0;
        var rest = content.AsSpan();
        while (!rest.IsEmpty)
        {
            if (char.IsWhiteSpace(rest[0]))
            {
                rest = rest[1..];
                continue;
            }

            var length = CustomLength(rest);
            if (length == 0)
            {
                length = StringInfo.GetNextTextElementLength(rest);
                if (!IsUnicodeEmoji(rest[..length]))
                {
                    return false;
                }
            }

            if (++count > JumboLimit)
            {
                return false;
            }

            rest = rest[length..];
        }

        return count > 0;
    }

    /// <summary>The length of the &lt;:name:id&gt; or &lt;a:name:id&gt; at the start of <paramref name="text"/>, or 0.</summary>
    public static int CustomLength(ReadOnlySpan<char> text)
    {
        var start = text.StartsWith("<:") ? 2 : text.StartsWith("<a:") ? 3 : 0;
        if (start == 0)
        {
            return 0;
        }

        var nameLength = text[start..].IndexOfAnyExcept(NameCharacters);
        if (nameLength is < 1 or > 32 || text[start + nameLength] != ':')
        {
            return 0;
        }

        var idStart = start + nameLength + 1;
        var idLength = text[idStart..].IndexOfAnyExceptInRange('0', '9');
        return idLength is >= 1 and <= 20 && text[idStart + idLength] == '>' ? idStart + idLength + 1 : 0;
    }

    // One grapheme (an emoji with its skin tone, joiners and variation selectors is one) that starts with a pictograph,
    // or is a keycap such as 1️⃣. Digits, letters and punctuation on their own are text.
    private static bool IsUnicodeEmoji(ReadOnlySpan<char> grapheme)
    {
        if (grapheme.Contains('\u20E3'))
        {
            return true;
        }

        if (Rune.DecodeFromUtf16(grapheme, out var first, out _) != OperationStatus.Done)
        {
            return false;
        }

        var value = first.Value;
        return value is >= 0x1F000 and <= 0x1FAFF
            or >= 0x2600 and <= 0x27BF
            or >= 0x2B00 and <= 0x2BFF
            or >= 0x2300 and <= 0x23FF
            or >= 0x2190 and <= 0x21FF
            or >= 0x25A0 and <= 0x25FF
            or 0x00A9 or 0x00AE or 0x203C or 0x2049 or 0x2122 or 0x2139 or 0x24C2 or 0x3030 or 0x303D or 0x3297 or 0x3299;
    }
}
