using System.Globalization;
using System.Text;
using TicketSaas.Modules.Transcripts.Domain.Documents;

namespace TicketSaas.IntegrationTests.Transcripts.Rendering;

/// <summary>
/// Hostile strings written for these tests, and one document that puts every one of them into every field a member, a
/// bot or a guild admin controls. A payload that ever runs calls window.__xss(id) or opens a dialog with its id; the id
/// is (payload number × 100 + field), so a call names both the payload and the field it came through.
/// </summary>
internal static class XssPayloads
{
    public const string IdPlaceholder = "{id}";

    public static readonly string[] Templates =
    [
        // Markup that runs by itself.
        "<script>__xss({id})</script>",
        "<SCRIPT>__xss({id})</SCRIPT>",
        "<script src=\"data:text/javascript,__xss({id})\"></script>",
        "<img src=x onerror=__xss({id})>",
        "<img src=\"x\" onerror=\"__xss({id})\">",
        "<IMG SRC=x ONERROR=__xss({id})>",
        "<img src=x:x onerror=__xss({id})//",
        "<svg onload=__xss({id})>",
        "<svg/onload=__xss({id})>",
        "<svg><script>__xss({id})</script></svg>",
        "<body onload=__xss({id})>",
        "<iframe src=\"javascript:top.__xss({id})\"></iframe>",
        "<iframe srcdoc=\"<script>top.__xss({id})</script>\"></iframe>",
        "<iframe src=\"data:text/html,<script>parent.__xss({id})</script>\"></iframe>",
        "<details open ontoggle=__xss({id})>",
        "<input autofocus onfocus=__xss({id})>",
        "<select autofocus onfocus=__xss({id})>",
        "<textarea autofocus onfocus=__xss({id})>",
        "<keygen autofocus onfocus=__xss({id})>",
        "<video><source onerror=__xss({id})></video>",
        "<audio src=x onerror=__xss({id})>",
        "<video poster=javascript:__xss({id})//></video>",
        "<object data=\"javascript:__xss({id})\"></object>",
        "<embed src=\"javascript:__xss({id})\">",
        "<marquee onstart=__xss({id})>x</marquee>",
        "<div style=\"animation-name:x\" onanimationstart=__xss({id})></div>",
        "<a href=\"javascript:__xss({id})\">click</a>",
        "<a href=\"#\" onclick=\"__xss({id})\">x</a>",
        "<math><mtext><table><mglyph><style><img src=x onerror=__xss({id})>",
        "<noscript><p title=\"</noscript><img src=x onerror=__xss({id})>\">",
        "<svg><animate onbegin=__xss({id}) attributeName=x dur=1s>",
        "<svg><a xlink:href=\"javascript:__xss({id})\"><text x=\"20\" y=\"20\">x</text></a></svg>",
        "<svg><foreignObject><img src=x onerror=__xss({id})></foreignObject></svg>",
        "<img srcset=\"x\" onerror=__xss({id})>",
        "<picture><source srcset=x><img src=x onerror=__xss({id})></picture>",
        "<template><script>__xss({id})</script></template>",
        "<scr<script>ipt>__xss({id})</scr</script>ipt>",
        "<<script>script>__xss({id})<</script>/script>",
        "<img \"\"\"><script>__xss({id})</script>\">",
        "<isindex type=image src=1 onerror=__xss({id})>",
        "<img src=x onerror=&#95;&#95;xss({id})>",
        "<img src=x onerror=__xss({id}) ",
        "<script>/*</script><script>*/__xss({id})</script>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:__xss({id})\">",
        "<base href=\"javascript:__xss({id})//\">",
        "<form><button formaction=javascript:__xss({id})>x</button></form>",
        "<link rel=stylesheet href=\"data:text/css,*{x:expression(__xss({id}))}\">",
        "<img src=x onerror=\"alert({id})\">",
        "<svg onload=confirm({id})>",
        "<img src=x onerror=prompt({id})>",

        // Breaking out of the element or attribute the text lands in.
        "</style><script>__xss({id})</script>",
        "</title><script>__xss({id})</script>",
        "</textarea><script>__xss({id})</script>",
        "--><script>__xss({id})</script>",
        "<!--<script>__xss({id})</script>-->",
        "<![CDATA[<script>__xss({id})</script>]]>",
        "\" onmouseover=\"__xss({id})",
        "' onmouseover='__xss({id})",
        "\"><script>__xss({id})</script>",
        "'><script>__xss({id})</script>",
        "\"><img src=x onerror=__xss({id})>",
        "\" autofocus onfocus=\"__xss({id})",
        "\"/onerror=\"__xss({id})",
        "` onmouseover=__xss({id}) `",
        "x\" style=\"animation-name:spin\" onanimationstart=\"__xss({id})",
        "&quot; onmouseover=&quot;__xss({id})",
        "&#34;><script>__xss({id})</script>",
        "\\\"><script>__xss({id})</script>",
        "<style>*{background:url(\"javascript:__xss({id})\")}</style>",
        "<div style=\"background:url(javascript:__xss({id}))\">",

        // Addresses: in embed and author links, masked links, stored-file keys.
        "javascript:__xss({id})",
        "JaVaScRiPt:__xss({id})",
        " javascript:__xss({id})",
        "\tjavascript:__xss({id})",
        "java\nscript:__xss({id})",
        "java\tscript:__xss({id})",
        "\u0001javascript:__xss({id})",
        "javascript&#58;__xss({id})",
        "javascript&colon;__xss({id})",
        "jav&#x61;script:__xss({id})",
        "javascript://%0a__xss({id})",
        "javascript:/*https://example.com*/__xss({id})",
        "data:text/html,<script>__xss({id})</script>",
        "data:text/html;base64,PHNjcmlwdD50b3AuX194c3MoNyk8L3NjcmlwdD4=#{id}",
        "vbscript:__xss({id})",
        "https://example.com/\" onmouseover=\"__xss({id})",
        "https://example.com/'><script>__xss({id})</script>",
        "https://example.com/\"><img src=x onerror=__xss({id})>",
        "https://example.com/<script>__xss({id})</script>",

        // Discord markdown and markup.
        "[x](javascript:__xss({id}))",
        "[x](<javascript:__xss({id})>)",
        "[x](JAVASCRIPT:__xss({id}))",
        "[x]( javascript:__xss({id}))",
        "[x](javascript:__xss({id}) \"title\")",
        "[<img src=x onerror=__xss({id})>](https://example.com)",
        "[x](https://example.com/\"onmouseover=\"__xss({id}))",
        "[x](data:text/html,<script>__xss({id})</script>)",
        "[**<svg onload=__xss({id})>**](https://example.com/a_(b))",
        "<javascript:__xss({id})>",
        "<https://example.com/\"onmouseover=\"__xss({id})>",
        "`<script>__xss({id})</script>`",
        "```html\n<script>__xss({id})</script>\n```",
        "```\"><script>__xss({id})</script>\nx```",
        "**<img src=x onerror=__xss({id})>**",
        "||<svg onload=__xss({id})>||",
        "> <script>__xss({id})</script>",
        ">>> <img src=x onerror=__xss({id})>",
        "# <img src=x onerror=__xss({id})>",
        "-# <svg onload=__xss({id})>",
        "- <svg onload=__xss({id})>\n  1. <script>__xss({id})</script>",
        "\\<script>__xss({id})\\</script>",
        "<:x\" onerror=\"__xss({id}):1>",
        "<a:<img src=x onerror=__xss({id})>:1>",
        "<t:1\" onmouseover=\"__xss({id})>",
        "<t:99999999999999999999:R><script>__xss({id})</script>",
        "<t:1:x><img src=x onerror=__xss({id})>",
        "<t:-99999999999:F><img src=x onerror=__xss({id})>",
        "<@1\"><script>__xss({id})</script>>",
        "<#1'><img src=x onerror=__xss({id})>>",
        "<@&<script>__xss({id})</script>>",
        "@everyone<script>__xss({id})</script>",
        string.Concat(Enumerable.Repeat("*", 300)) + "<img src=x onerror=__xss({id})>",
        string.Concat(Enumerable.Repeat("**__~~||", 60)) + "<script>__xss({id})</script>",

        // Unicode and encoding tricks.
        "＜script＞__xss({id})＜/script＞",
        "<scr\u0000ipt>__xss({id})</script>",
        "\u202e<script>__xss({id})</script>",
        "<img src=x onerror=__xss({id})\uFEFF>",
        "\ud800<script>__xss({id})</script>",
        "+ADw-script+AD4-__xss({id})+ADw-/script+AD4-",
        "%3Cscript%3E__xss({id})%3C/script%3E",
        "&lt;script&gt;__xss({id})&lt;/script&gt;",
        "\\u003cscript\\u003e__xss({id})\\u003c/script\\u003e",
    ];

    /// <summary>Every string in a document that comes from Discord members, bots or guild admins.</summary>
    public enum Field
    {
        Content,
        Username,
        GlobalName,
        Nick,
        AvatarKey,
        RoleName,
        ChannelName,
        EmojiName,
        EmojiKey,
        EmbedTitle,
        EmbedDescription,
        EmbedUrl,
        EmbedAuthorName,
        EmbedAuthorUrl,
        EmbedAuthorIconKey,
        EmbedFieldName,
        EmbedFieldValue,
        EmbedFooter,
        EmbedFooterIconKey,
        EmbedImageKey,
        EmbedThumbnailKey,
        AttachmentName,
        AttachmentDescription,
        AttachmentKey,
        ReactionName,
        ReactionKey,
        StickerName,
        StickerKey,
        ThreadName,
        FormQuestion,
        FormAnswer,
        GuildName,
        CategoryName,
        CloseReason,
    }

    public static int Id(int payload, Field field) => (payload + 1) * 100 + (int)field;

    public static string For(int payload, Field field) =>
        Templates[payload].Replace(IdPlaceholder, Id(payload, field).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Each payload in every field: its own author, role, channel and emoji, a message using them all, a reply, system messages.</summary>
    public static TranscriptDocument Document()
    {
        const ulong Staff = 1;
        var at = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        var users = new Dictionary<ulong, TranscriptUser> { [Staff] = new(Staff, "staff", null, null, null, false, null) };
        var roles = new Dictionary<ulong, TranscriptRole>();
        var channels = new Dictionary<ulong, TranscriptChannel> { [GoldenThread.Thread] = new(GoldenThread.Thread, "ticket") };
        var emojis = new Dictionary<ulong, TranscriptEmoji>();
        var messages = new List<TranscriptMessage>();
        var answers = new List<TranscriptAnswer>();
        for (var p = 0; p < Templates.Length; p++)
        {
            string F(Field field) => For(p, field);
            ulong user = 10_000 + (ulong)p, role = 20_000 + (ulong)p, channel = 30_000 + (ulong)p, emoji = 40_000 + (ulong)p;
            var id = 1_000_000 + (ulong)p * 10;
            users[user] = new(user, F(Field.Username), F(Field.GlobalName), F(Field.Nick), F(Field.AvatarKey), false, 0xFF0000);
            roles[role] = new(role, F(Field.RoleName), 0x00FF00);
            channels[channel] = new(channel, F(Field.ChannelName));
            emojis[emoji] = new(emoji, F(Field.EmojiName), p % 2 == 0, F(Field.EmojiKey));
            answers.Add(new(F(Field.FormQuestion), F(Field.FormAnswer)));

            var embed = new TranscriptEmbed(
                F(Field.EmbedTitle), F(Field.EmbedDescription), F(Field.EmbedUrl), 0x123456, F(Field.EmbedAuthorName), F(Field.EmbedAuthorUrl),
                F(Field.EmbedAuthorIconKey), [new(F(Field.EmbedFieldName), F(Field.EmbedFieldValue), p % 2 == 0)], F(Field.EmbedFooter),
                F(Field.EmbedFooterIconKey), F(Field.EmbedImageKey), F(Field.EmbedThumbnailKey), at);
            TranscriptAttachment Attachment(string? type, bool stored) =>
                new(F(Field.AttachmentName), type, 1234, stored ? F(Field.AttachmentKey) : null, 10, 10, F(Field.AttachmentDescription));
            var everything = GoldenThread.Message(id, user, p, $"{F(Field.Content)} <@{user}> <@&{role}> <#{channel}> <:e:{emoji}>") with
            {
                Embeds = [embed],
                Attachments =
                [
                    Attachment("image/png", true), Attachment("video/mp4", true), Attachment("audio/ogg", true),
                    Attachment("application/octet-stream", true), Attachment(null, true), Attachment("image/png", false),
                ],
                Reactions = [new(F(Field.ReactionName), null, false, null, 1), new(F(Field.ReactionName), emoji, true, F(Field.ReactionKey), 2)],
                Stickers = [new(1, F(Field.StickerName), 1, F(Field.StickerKey)), new(2, F(Field.StickerName), 3, F(Field.StickerKey))],
                MentionIds = [user],
                MentionRoleIds = [role],
            };
            messages.Add(everything);
            messages.Add(GoldenThread.Message(id + 1, Staff, p, "Replying") with { Type = 19, ReferencedMessageId = id });
            messages.Add(GoldenThread.Message(id + 2, user, p, F(Field.ThreadName), type: 18));
            messages.Add(GoldenThread.Message(id + 3, user, p, F(Field.ThreadName), type: 4));
            messages.Add(GoldenThread.Message(id + 4, Staff, p, "", type: 1) with { MentionIds = [user] });
            messages.Add(GoldenThread.Message(id + 5, user, p, F(Field.Content)) with { ChannelId = channel, EditedTimestamp = at });
        }

        string All(Field field) => string.Concat(Enumerable.Range(0, Templates.Length).Select(p => For(p, field)));
        var ticket = new TranscriptTicket(
            Guid.NewGuid(), 666, 900, All(Field.GuildName), All(Field.CategoryName), 10_000, 10_001, 10_002, All(Field.CloseReason),
            at, at.AddHours(3), 1, answers, [GoldenThread.Thread]);
        return new TranscriptDocument(TranscriptDocument.CurrentVersion, ticket, messages, users, roles, channels, emojis, ContentMissing: true);
    }

    /// <summary>Text as an HTML parser gives it back: without the control characters, lone surrogates and replacement characters encoding may change.</summary>
    public static string Comparable(string text)
    {
        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c >= ' ' && !char.IsSurrogate(c) && c != '\uFFFD')
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }
}
