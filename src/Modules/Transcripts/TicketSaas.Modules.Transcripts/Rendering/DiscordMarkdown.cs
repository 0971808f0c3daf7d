using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace TicketSaas.Modules.Transcripts.Rendering;

/// <summary>
/// Discord's markdown, written into the page while it is parsed: no syntax tree is kept, so a long thread costs no more
/// memory than its longest message.
/// </summary>
/// <remarks>
/// Like Discord's own parser, and unlike CommonMark, this tries a fixed list of rules at each position and takes the
/// first that matches: "**a*" is not bold, "snake_case_name" is not italic, an unclosed "||" is text. Quotes, headings,
/// subtext and lists are recognised at the start of a line; everything else inside a line.
/// Whatever no rule claims is written encoded, and so is every part of a match except the tags the rule itself writes.
/// </remarks>
internal sealed class DiscordMarkdown(TranscriptContext context, HtmlBuffer html)
{
    // "****…" opens one level per pair: past this depth the rest is plain text, so no input can exhaust the stack.
    private const int MaxDepth = 32;

    // The calendar DateTimeOffset can hold, years 1 to 9999.
    private const long MinUnixSeconds = -62_135_596_800;
    private const long MaxUnixSeconds = 253_402_300_799;

    private const string LinkAttributes = "\" target=\"_blank\" rel=\"noopener noreferrer nofollow ugc\">";

    private static readonly SearchValues<char> RuleStarts = SearchValues.Create("\\`*_~|[<@\n");
    private static readonly SearchValues<char> LanguageCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+-.#");
    private static readonly SearchValues<char> WebLinkEnds = SearchValues.Create(" \t\n\r\f\v<\u00a0\u2028\u2029");

    private static readonly string[] HeadingOpen = ["", "<h1>", "<h2>", "<h3>"];
    private static readonly string[] HeadingClose = ["", "</h1>", "</h2>", "</h3>"];

    /// <summary>A message's content, an embed's description or a field's value: blocks and inline.</summary>
    public void WriteBlocks(string text) => Blocks(text, quotesAllowed: true);

    /// <summary>One line's worth of inline markdown: embed titles, field names, reply previews.</summary>
    /// <param name="insideLink">The caller wrapped it in a link: links inside show as their text, since links do not nest.</param>
    public void WriteInline(ReadOnlySpan<char> text, bool insideLink = false) => Inline(text, 0, insideLink);

    // ---- Blocks -------------------------------------------------------------------------------------------------

    private void Blocks(ReadOnlySpan<char> text, bool quotesAllowed)
    {
        var paragraph = -1;
        var position = 0;
        while (position < text.Length)
        {
            var lineEnd = LineEnd(text, position);
            var line = text[position..lineEnd];
            if (quotesAllowed && line.StartsWith(">>> "))
            {
                Paragraph(text, ref paragraph, position);
                Quote(text[(position + 4)..]);
                return;
            }

            if (quotesAllowed && line.StartsWith("> "))
            {
                Paragraph(text, ref paragraph, position);
                position = QuotedLines(text, position);
            }
            else if (HeadingLevel(line) is var level and > 0)
            {
                Paragraph(text, ref paragraph, position);
                html.Markup(HeadingOpen[level]);
                Inline(line[(level + 1)..], 0, insideLink: false);
                html.Markup(HeadingClose[level]);
                position = lineEnd + 1;
            }
            else if (line.StartsWith("-# ") && !line[3..].IsWhiteSpace())
            {
                Paragraph(text, ref paragraph, position);
                html.Markup("<small class=\"subtext\">");
                Inline(line[3..], 0, insideLink: false);
                html.Markup("</small>");
                position = lineEnd + 1;
            }
            else if (ListItem.TryRead(text, position, lineEnd, out _))
            {
                Paragraph(text, ref paragraph, position);
                position = List(text, position);
            }
            else
            {
                if (paragraph < 0)
                {
                    paragraph = position;
                }

                position = PastFencedCode(text, position, lineEnd) + 1;
            }
        }

        Paragraph(text, ref paragraph, text.Length);
    }

    /// <summary>Writes the lines from <paramref name="start"/> to <paramref name="end"/> as inline text, if any are pending.</summary>
    private void Paragraph(ReadOnlySpan<char> text, ref int start, int end)
    {
        if (start < 0)
        {
            return;
        }

        // The newline before a block belongs to neither: the block starts on its own line anyway.
        var paragraph = text[start..Math.Min(end, text.Length)];
        Inline(paragraph.EndsWith('\n') ? paragraph[..^1] : paragraph, 0, insideLink: false);
        start = -1;
    }

    // Discord does not nest quotes: inside one, "> " is text.
    private void Quote(ReadOnlySpan<char> quoted)
    {
        html.Markup("<blockquote>");
        Blocks(quoted, quotesAllowed: false);
        html.Markup("</blockquote>");
    }

    /// <summary>Consecutive "> " lines form one quote, so formatting may run across them.</summary>
    /// <returns>Where the first line after the quote starts.</returns>
    private int QuotedLines(ReadOnlySpan<char> text, int position)
    {
        var quoted = new StringBuilder();
        while (position < text.Length && text[position..].StartsWith("> "))
        {
            var lineEnd = LineEnd(text, position);
            quoted.Append(text[(position + 2)..lineEnd]).Append('\n');
            position = lineEnd + 1;
        }

        Quote(quoted.ToString(0, quoted.Length - 1));
        return position;
    }

    private static int HeadingLevel(ReadOnlySpan<char> line)
    {
        var level = line.IndexOfAnyExcept('#');
        return level is >= 1 and <= 3 && line[level] == ' ' && !line[level..].IsWhiteSpace() ? level : 0;
    }

    /// <returns>Where the first line after the list starts.</returns>
    private int List(ReadOnlySpan<char> text, int position)
    {
        var items = new List<ListItem>();
        while (position < text.Length)
        {
            var lineEnd = LineEnd(text, position);
            if (!ListItem.TryRead(text, position, lineEnd, out var item))
            {
                break;
            }

            items.Add(item);
            position = lineEnd + 1;
        }

        WriteLists(text, CollectionsMarshal.AsSpan(items));
        return position;
    }

    // Switching between "-" and "1." at the same depth ends one list and starts the other.
    private void WriteLists(ReadOnlySpan<char> text, ReadOnlySpan<ListItem> items)
    {
        while (!items.IsEmpty)
        {
            var length = 1;
            while (length < items.Length && (items[length].Indent > items[0].Indent || items[length].Ordered == items[0].Ordered))
            {
                length++;
            }

            WriteList(text, items[..length]);
            items = items[length..];
        }
    }

    // An item indented deeper than the one before it starts a list inside that item.
    private void WriteList(ReadOnlySpan<char> text, ReadOnlySpan<ListItem> items)
    {
        var first = items[0];
        if (!first.Ordered)
        {
            html.Markup("<ul>");
        }
        else if (first.Number == 1)
        {
            html.Markup("<ol>");
        }
        else
        {
            html.Markup("<ol start=\"").Number(first.Number).Markup("\">");
        }

        var index = 0;
        while (index < items.Length)
        {
            var item = items[index];
            html.Markup("<li>");
            Inline(text[item.Text], 0, insideLink: false);
            var next = index + 1;
            while (next < items.Length && items[next].Indent > item.Indent)
            {
                next++;
            }

            if (next > index + 1)
            {
                WriteLists(text, items[(index + 1)..next]);
            }

            html.Markup("</li>");
            index = next;
        }

        html.Markup(first.Ordered ? "</ol>" : "</ul>");
    }

    /// <summary>
    /// A line holding a ``` that closes on a later line keeps the paragraph going to that line, so the code's own
    /// lines are never taken for headings, lists or quotes.
    /// </summary>
    /// <returns>The end of the last line the paragraph covers.</returns>
    private static int PastFencedCode(ReadOnlySpan<char> text, int lineStart, int lineEnd)
    {
        var scan = lineStart;
        while (scan < lineEnd)
        {
            var open = text[scan..lineEnd].IndexOf("```");
            if (open < 0)
            {
                break;
            }

            var afterOpen = scan + open + 3;
            var close = text[afterOpen..].IndexOf("```");
            if (close < 0)
            {
                break;
            }

            scan = afterOpen + close + 3;
            lineEnd = Math.Max(lineEnd, LineEnd(text, scan));
        }

        return lineEnd;
    }

    private static int LineEnd(ReadOnlySpan<char> text, int position)
    {
        var newline = text[position..].IndexOf('\n');
        return newline < 0 ? text.Length : position + newline;
    }

    /// <param name="Indent">Leading spaces: deeper than the item before means nested in it.</param>
    /// <param name="Text">The item's own text, after the marker.</param>
    private readonly record struct ListItem(int Indent, bool Ordered, int Number, Range Text)
    {
        /// <summary>"- item", "* item" or "12. item", with any indentation.</summary>
        public static bool TryRead(ReadOnlySpan<char> text, int lineStart, int lineEnd, out ListItem item)
        {
            item = default;
            var line = text[lineStart..lineEnd];
            var indent = line.IndexOfAnyExcept(' ');
            if (indent < 0)
            {
                return false;
            }

            var rest = line[indent..];
            var ordered = false;
            var number = 0;
            int marker;
            if (rest.Length >= 2 && rest[0] is '-' or '*' && rest[1] == ' ')
            {
                marker = 2;
            }
            else
            {
                var digits = rest.IndexOfAnyExceptInRange('0', '9');
                if (digits is < 1 or > 9 || rest.Length < digits + 2 || rest[digits] != '.' || rest[digits + 1] != ' ')
                {
                    return false;
                }

                ordered = true;
                number = int.Parse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
                marker = digits + 2;
            }

            if (rest[marker..].IsWhiteSpace())
            {
                return false;
            }

            item = new ListItem(indent, ordered, number, (lineStart + indent + marker)..lineEnd);
            return true;
        }
    }

    // ---- Inline -------------------------------------------------------------------------------------------------

    private enum Kind
    {
        None,
        Text,
        LineBreak,
        CodeBlock,
        Code,
        Bold,
        Underline,
        Italic,
        Strikethrough,
        Spoiler,
        MaskedLink,
        WebLink,
        User,
        Role,
        Channel,
        Everyone,
        Here,
        CustomEmoji,
        Timestamp,
    }

    // Each pair-delimited rule remembers the earliest content start from which it found no closer: any later opener
    // of the same kind cannot find one either, which keeps "*a *a *a …" linear instead of quadratic.
    private enum Closer { Bold, Underline, Strikethrough, Spoiler, StarItalic, UnderscoreItalic, Count }

    /// <summary>A rule's match at one position of the text.</summary>
    /// <param name="End">Where the text after the element starts.</param>
    /// <param name="Inner">What the element shows: content, label, code or name.</param>
    /// <param name="Extra">A code block's language.</param>
    /// <param name="Id">A mentioned user, role or channel, or a custom emoji.</param>
    /// <param name="Number">A timestamp's Unix seconds.</param>
    /// <param name="Style">A timestamp's style letter; 'a' for an animated emoji.</param>
    /// <param name="Url">A link's address, already checked.</param>
    private readonly record struct Element(
        Kind Kind, int End, Range Inner = default, Range Extra = default, ulong Id = 0, long Number = 0, char Style = '\0', string? Url = null);

    private void Inline(ReadOnlySpan<char> text, int depth, bool insideLink)
    {
        if (depth > MaxDepth)
        {
            html.Text(text);
            return;
        }

        Span<int> noCloserFrom = stackalloc int[(int)Closer.Count];
        noCloserFrom.Fill(int.MaxValue);
        var written = 0;
        var position = 0;

        // Web links start with a letter as common as 'h': looking for "http" separately keeps the scan for rule
        // starts vectorised.
        var nextWebLink = insideLink ? -1 : text.IndexOf("http");
        while (position < text.Length)
        {
            var found = text[position..].IndexOfAny(RuleStarts);
            var at = found < 0 ? text.Length : position + found;
            if (nextWebLink >= 0 && nextWebLink < position)
            {
                var again = text[position..].IndexOf("http");
                nextWebLink = again < 0 ? -1 : position + again;
            }

            if (nextWebLink >= 0 && nextWebLink < at)
            {
                at = nextWebLink;
            }

            if (at >= text.Length)
            {
                break;
            }

            var element = Match(text, at, insideLink, noCloserFrom);
            if (element.Kind == Kind.None)
            {
                position = at + 1;
                continue;
            }

            html.Text(text[written..at]);
            Write(text, element, depth, insideLink);
            position = written = element.End;
        }

        html.Text(text[written..]);
    }

    /// <summary>The rules in Discord's order; the first that matches at <paramref name="at"/> wins.</summary>
    private static Element Match(ReadOnlySpan<char> text, int at, bool insideLink, Span<int> noCloserFrom)
    {
        switch (text[at])
        {
            case '\\':
                return Escape(text, at);
            case '`':
                var block = CodeBlock(text, at);
                return block.Kind != Kind.None ? block : Code(text, at);
            case '<':
                return Angled(text, at);
            case '@':
                return text[at..].StartsWith("@everyone") ? new Element(Kind.Everyone, at + 9)
                    : text[at..].StartsWith("@here") ? new Element(Kind.Here, at + 5)
                    : default;
            case '[':
                return MaskedLink(text, at);
            case '*':
                var bold = Paired(text, at, "**", Kind.Bold, noCloserFrom, Closer.Bold);
                return bold.Kind != Kind.None ? bold : StarItalic(text, at, noCloserFrom);
            case '_':
                var underline = Paired(text, at, "__", Kind.Underline, noCloserFrom, Closer.Underline);
                return underline.Kind != Kind.None ? underline : UnderscoreItalic(text, at, noCloserFrom);
            case '~':
                return Paired(text, at, "~~", Kind.Strikethrough, noCloserFrom, Closer.Strikethrough);
            case '|':
                return Paired(text, at, "||", Kind.Spoiler, noCloserFrom, Closer.Spoiler);
            case '\n':
                return new Element(Kind.LineBreak, at + 1);
            default:
                return insideLink ? default : WebLink(text, at);
        }
    }

    // A backslash makes the next symbol plain text; before a letter, digit or space it is itself text.
    private static Element Escape(ReadOnlySpan<char> text, int at)
    {
        if (at + 1 >= text.Length || char.IsAsciiLetterOrDigit(text[at + 1]) || char.IsWhiteSpace(text[at + 1]))
        {
            return default;
        }

        var length = char.IsHighSurrogate(text[at + 1]) && at + 2 < text.Length && char.IsLowSurrogate(text[at + 2]) ? 2 : 1;
        return new Element(Kind.Text, at + 1 + length, (at + 1)..(at + 1 + length));
    }

    /// <summary>```code``` or ```language⏎code```, which may start anywhere in a line.</summary>
    private static Element CodeBlock(ReadOnlySpan<char> text, int at)
    {
        if (!text[at..].StartsWith("```"))
        {
            return default;
        }

        var contentStart = at + 3;
        var close = text[contentStart..].IndexOf("```");
        if (close < 0 || text.Slice(contentStart, close).IsWhiteSpace())
        {
            return default;
        }

        var contentEnd = contentStart + close;
        var content = text[contentStart..contentEnd];
        var codeStart = contentStart;
        Range language = default;
        var newline = content.IndexOf('\n');
        if (newline is > 0 and <= 32 && !content[..newline].ContainsAnyExcept(LanguageCharacters) && !content[(newline + 1)..].IsWhiteSpace())
        {
            language = contentStart..(contentStart + newline);
            codeStart += newline + 1;
        }
        else if (newline == 0)
        {
            codeStart++;
        }

        var codeEnd = text[contentEnd - 1] == '\n' && contentEnd - 1 > codeStart ? contentEnd - 1 : contentEnd;
        return new Element(Kind.CodeBlock, contentEnd + 3, codeStart..codeEnd, language);
    }

    /// <summary>`code` or ``code with ` inside``: closed by a run of exactly as many backticks.</summary>
    private static Element Code(ReadOnlySpan<char> text, int at)
    {
        var run = RunLength(text, at, '`');
        var contentStart = at + run;
        var from = contentStart;
        while (from < text.Length)
        {
            var found = text[from..].IndexOf('`');
            if (found < 0)
            {
                break;
            }

            var close = from + found;
            var closeRun = RunLength(text, close, '`');
            if (closeRun == run && close > contentStart)
            {
                return new Element(Kind.Code, close + run, contentStart..close);
            }

            from = close + closeRun;
        }

        return default;
    }

    private static int RunLength(ReadOnlySpan<char> text, int at, char c)
    {
        var run = text[at..].IndexOfAnyExcept(c);
        return run < 0 ? text.Length - at : run;
    }

    /// <summary>Everything Discord writes between angle brackets: mentions, custom emoji, timestamps, links without preview.</summary>
    private static Element Angled(ReadOnlySpan<char> text, int at)
    {
        var rest = text[at..];
        if (rest.StartsWith("<@&"))
        {
            return Snowflake(text, at, 3, Kind.Role);
        }

        if (rest.StartsWith("<@!"))
        {
            return Snowflake(text, at, 3, Kind.User);
        }

        if (rest.StartsWith("<@"))
        {
            return Snowflake(text, at, 2, Kind.User);
        }

        if (rest.StartsWith("<#"))
        {
            return Snowflake(text, at, 2, Kind.Channel);
        }

        if (rest.StartsWith("<t:"))
        {
            return Timestamp(text, at);
        }

        var emoji = DiscordEmoji.CustomLength(rest);
        if (emoji > 0)
        {
            var animated = rest[1] == 'a';
            var nameStart = at + (animated ? 3 : 2);
            var nameEnd = nameStart + text[nameStart..].IndexOf(':');
            return ulong.TryParse(text[(nameEnd + 1)..(at + emoji - 1)], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? new Element(Kind.CustomEmoji, at + emoji, nameStart..nameEnd, Id: id, Style: animated ? 'a' : '\0')
                : default;
        }

        var close = rest.IndexOf('>');
        if (close > 1 && rest.StartsWith("<http") && !rest[1..close].ContainsAny(WebLinkEnds) && SafeUrl.Web(rest[1..close].ToString()) is { } url)
        {
            return new Element(Kind.WebLink, at + close + 1, (at + 1)..(at + close), Url: url);
        }

        return default;
    }

    /// <summary>&lt;@id&gt;, &lt;@!id&gt;, &lt;@&amp;id&gt; or &lt;#id&gt;.</summary>
    private static Element Snowflake(ReadOnlySpan<char> text, int at, int prefix, Kind kind)
    {
        var digitsStart = at + prefix;
        var digits = text[digitsStart..].IndexOfAnyExceptInRange('0', '9');
        return digits is >= 1 and <= 20 && text[digitsStart + digits] == '>'
            && ulong.TryParse(text.Slice(digitsStart, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? new Element(kind, digitsStart + digits + 1, Id: id)
                : default;
    }

    /// <summary>&lt;t:unix&gt; or &lt;t:unix:STYLE&gt;; an unknown style or a moment outside the calendar stays text.</summary>
    private static Element Timestamp(ReadOnlySpan<char> text, int at)
    {
        var numberStart = at + 3;
        var digitsStart = numberStart < text.Length && text[numberStart] == '-' ? numberStart + 1 : numberStart;
        var digits = text[digitsStart..].IndexOfAnyExceptInRange('0', '9');
        if (digits is < 1 or > 12)
        {
            return default;
        }

        var numberEnd = digitsStart + digits;
        var style = 'f';
        var end = numberEnd + 1;
        if (text[numberEnd] == ':' && numberEnd + 2 < text.Length && text[numberEnd + 2] == '>')
        {
            style = text[numberEnd + 1];
            end = numberEnd + 3;
        }
        else if (text[numberEnd] != '>')
        {
            return default;
        }

        var seconds = long.Parse(text[numberStart..numberEnd], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return DiscordTime.IsStyle(style) && seconds is >= MinUnixSeconds and <= MaxUnixSeconds
            ? new Element(Kind.Timestamp, end, Number: seconds, Style: style)
            : default;
    }

    /// <summary>[label](address): a link only to http or https; any other address leaves the whole thing as text, as Discord does.</summary>
    private static Element MaskedLink(ReadOnlySpan<char> text, int at)
    {
        var bracket = text[(at + 1)..].IndexOfAny('[', ']');
        if (bracket < 1 || text[at + 1 + bracket] != ']')
        {
            return default;
        }

        var labelEnd = at + 1 + bracket;
        if (labelEnd + 1 >= text.Length || text[labelEnd + 1] != '(')
        {
            return default;
        }

        // The address runs to the parenthesis that balances, so addresses holding parentheses survive.
        var addressStart = labelEnd + 2;
        var depth = 0;
        var close = addressStart;
        for (; close < text.Length; close++)
        {
            var c = text[close];
            if (char.IsWhiteSpace(c))
            {
                return default;
            }

            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && depth-- == 0)
            {
                break;
            }
        }

        if (close >= text.Length || close == addressStart)
        {
            return default;
        }

        var address = text[addressStart..close];
        if (address is ['<', .., '>'])
        {
            address = address[1..^1];
        }

        return SafeUrl.Web(address.ToString()) is { } url
            ? new Element(Kind.MaskedLink, close + 1, (at + 1)..labelEnd, Url: url)
            : new Element(Kind.Text, close + 1, at..(close + 1));
    }

    /// <summary>A bare http(s) address, without the punctuation that usually ends the sentence around it.</summary>
    private static Element WebLink(ReadOnlySpan<char> text, int at)
    {
        var rest = text[at..];
        var schemeLength = rest.StartsWith("https://") ? 8 : rest.StartsWith("http://") ? 7 : 0;
        if (schemeLength == 0)
        {
            return default;
        }

        var length = rest.IndexOfAny(WebLinkEnds);
        length = length < 0 ? rest.Length : length;
        while (length > schemeLength && EndsSentence(rest[..length]))
        {
            length--;
        }

        return length > schemeLength && SafeUrl.Web(rest[..length].ToString()) is { } url
            ? new Element(Kind.WebLink, at + length, at..(at + length), Url: url)
            : default;
    }

    private static bool EndsSentence(ReadOnlySpan<char> link) => link[^1] switch
    {
        '.' or ',' or ':' or ';' or '"' or '\'' or ']' or '!' or '?' => true,
        ')' => link.Count('(') < link.Count(')'),
        _ => false,
    };

    /// <summary>**bold**, __underline__, ~~strikethrough~~, ||spoiler||: content up to the first unescaped closer.</summary>
    private static Element Paired(ReadOnlySpan<char> text, int at, string delimiter, Kind kind, Span<int> noCloserFrom, Closer closer)
    {
        if (!text[at..].StartsWith(delimiter))
        {
            return default;
        }

        var contentStart = at + delimiter.Length;
        if (contentStart >= noCloserFrom[(int)closer])
        {
            return default;
        }

        // "***x***" is bold around italic: a closer followed by one more of its character leaves that one inside.
        var tripled = kind is Kind.Bold or Kind.Underline;
        var from = contentStart + 1;
        while (from < text.Length)
        {
            var found = text[from..].IndexOf(delimiter);
            if (found < 0)
            {
                break;
            }

            var close = from + found;
            var followedBySame = tripled && close + 2 < text.Length && text[close + 2] == delimiter[0];
            if (!followedBySame && !IsEscaped(text, close))
            {
                return new Element(kind, close + delimiter.Length, contentStart..close);
            }

            from = close + 1;
        }

        noCloserFrom[(int)closer] = contentStart;
        return default;
    }

    /// <summary>
    /// *italic*: opened before a non-space, closed after one; a "**" pair inside is bold, not the closer, but a lone "*"
    /// cannot start the content ("**a*" is a star and then italic a).
    /// </summary>
    private static Element StarItalic(ReadOnlySpan<char> text, int at, Span<int> noCloserFrom)
    {
        var contentStart = at + 1;
        if (contentStart >= text.Length || char.IsWhiteSpace(text[contentStart]) || contentStart >= noCloserFrom[(int)Closer.StarItalic]
            || (text[contentStart] == '*' && (contentStart + 1 >= text.Length || text[contentStart + 1] != '*')))
        {
            return default;
        }

        var close = contentStart + 1;
        while (close < text.Length)
        {
            var found = text[close..].IndexOf('*');
            if (found < 0)
            {
                break;
            }

            close += found;
            if (close + 1 < text.Length && text[close + 1] == '*')
            {
                close += 2;
            }
            else if (IsEscaped(text, close) || char.IsWhiteSpace(text[close - 1]))
            {
                close++;
            }
            else
            {
                return new Element(Kind.Italic, close + 1, contentStart..close);
            }
        }

        noCloserFrom[(int)Closer.StarItalic] = contentStart;
        return default;
    }

    /// <summary>_italic_, only between word boundaries: the underscores in snake_case_names stay text.</summary>
    private static Element UnderscoreItalic(ReadOnlySpan<char> text, int at, Span<int> noCloserFrom)
    {
        var contentStart = at + 1;
        if ((at > 0 && IsWordCharacter(text[at - 1])) || contentStart >= text.Length || contentStart >= noCloserFrom[(int)Closer.UnderscoreItalic])
        {
            return default;
        }

        var close = contentStart + 1;
        while (close < text.Length)
        {
            var found = text[close..].IndexOf('_');
            if (found < 0)
            {
                break;
            }

            close += found;
            if (close + 1 < text.Length && text[close + 1] == '_')
            {
                close += 2;
            }
            else if (IsEscaped(text, close) || (close + 1 < text.Length && IsWordCharacter(text[close + 1])))
            {
                close++;
            }
            else
            {
                return new Element(Kind.Italic, close + 1, contentStart..close);
            }
        }

        noCloserFrom[(int)Closer.UnderscoreItalic] = contentStart;
        return default;
    }

    private static bool IsWordCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    // An odd run of backslashes right before a character escapes it.
    private static bool IsEscaped(ReadOnlySpan<char> text, int index)
    {
        var backslashes = 0;
        while (index - backslashes > 0 && text[index - backslashes - 1] == '\\')
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    // ---- Writing ------------------------------------------------------------------------------------------------

    private void Write(ReadOnlySpan<char> text, in Element element, int depth, bool insideLink)
    {
        var inner = text[element.Inner];
        switch (element.Kind)
        {
            case Kind.Text:
                html.Text(inner);
                break;
            case Kind.LineBreak:
                html.Markup("<br>");
                break;
            case Kind.CodeBlock:
                html.Markup("<pre class=\"code-block\"><code");
                if (!text[element.Extra].IsEmpty)
                {
                    html.Markup(" class=\"language-").Text(text[element.Extra]).Markup("\"");
                }

                html.Markup(">").Text(inner).Markup("</code></pre>");
                break;
            case Kind.Code:
                html.Markup("<code class=\"inline\">").Text(inner).Markup("</code>");
                break;
            case Kind.Bold:
                Nested("<strong>", inner, "</strong>", depth, insideLink);
                break;
            case Kind.Underline:
                Nested("<u>", inner, "</u>", depth, insideLink);
                break;
            case Kind.Italic:
                Nested("<em>", inner, "</em>", depth, insideLink);
                break;
            case Kind.Strikethrough:
                Nested("<s>", inner, "</s>", depth, insideLink);
                break;
            case Kind.Spoiler:
                // Focusable, so a click (or a tab) reveals it without any script; the style sheet hides it otherwise.
                Nested("<span class=\"spoiler\" tabindex=\"0\">", inner, "</span>", depth, insideLink);
                break;
            case Kind.MaskedLink when insideLink:
                Inline(inner, depth + 1, insideLink: true);
                break;
            case Kind.MaskedLink:
                // The title shows where the link really goes, as Discord warns before leaving for a masked link.
                html.Markup("<a href=\"").Text(element.Url).Markup("\" title=\"").Text(element.Url).Markup(LinkAttributes);
                Inline(inner, depth + 1, insideLink: true);
                html.Markup("</a>");
                break;
            case Kind.WebLink when insideLink:
                html.Text(inner);
                break;
            case Kind.WebLink:
                html.Markup("<a href=\"").Text(element.Url).Markup(LinkAttributes).Text(inner).Markup("</a>");
                break;
            case Kind.User:
                UserMention(element.Id);
                break;
            case Kind.Role:
                RoleMention(element.Id);
                break;
            case Kind.Channel:
                html.Markup("<span class=\"mention\">#")
                    .Text(context.Document.Channels.TryGetValue(element.Id, out var channel) ? channel.Name : "unknown-channel")
                    .Markup("</span>");
                break;
            case Kind.Everyone:
                html.Markup("<span class=\"mention\">@everyone</span>");
                break;
            case Kind.Here:
                html.Markup("<span class=\"mention\">@here</span>");
                break;
            case Kind.CustomEmoji:
                var emoji = context.Document.Emojis.GetValueOrDefault(element.Id);
                DiscordEmoji.WriteCustom(html, context.FileUrl(emoji?.File), emoji is null ? inner : emoji.Name);
                break;
            case Kind.Timestamp:
                var moment = DateTimeOffset.FromUnixTimeSeconds(element.Number);
                if (element.Style == 'R')
                {
                    DiscordTime.WriteRelative(html, moment, context.ClosedAt, "timestamp");
                }
                else
                {
                    DiscordTime.Write(html, moment, DiscordTime.FormatOf(element.Style)!, "timestamp");
                }

                break;
            default:
                throw new InvalidOperationException($"No writer for {element.Kind}.");
        }
    }

    private void Nested(string open, ReadOnlySpan<char> inner, string close, int depth, bool insideLink)
    {
        html.Markup(open);
        Inline(inner, depth + 1, insideLink);
        html.Markup(close);
    }

    private void UserMention(ulong id)
    {
        var user = context.User(id);
        if (user is null)
        {
            html.Markup("<span class=\"mention\">@unknown-user</span>");
            return;
        }

        html.Markup("<span class=\"mention\" title=\"").Text(user.Username).Markup("\">@").Text(TranscriptContext.DisplayName(user)).Markup("</span>");
    }

    private void RoleMention(ulong id)
    {
        if (!context.Document.Roles.TryGetValue(id, out var role))
        {
            html.Markup("<span class=\"mention\">@unknown-role</span>");
            return;
        }

        html.Markup("<span class=\"mention role\"");
        if (role.Color != 0)
        {
            html.Markup(" style=\"color:").Color(role.Color).Markup("\"");
        }

        html.Markup(">@").Text(role.Name).Markup("</span>");
    }
}
