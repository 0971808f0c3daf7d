using System.Globalization;
using TicketSaas.Modules.Transcripts.Domain.Documents;

namespace TicketSaas.Modules.Transcripts.Rendering;

/// <summary>
/// One message as Discord draws it: the reply it answers, avatar, name and time (first message of a group only), content,
/// embeds, attachments, stickers and reactions; or a one-line system message.
/// </summary>
internal sealed class MessageRenderer(TranscriptContext context, HtmlBuffer html)
{
    private const int ReplyPreviewLength = 100;

    /// <summary>Discord offers six default avatars, chosen from the user id.</summary>
    private const int DefaultAvatars = 6;

    private readonly DiscordMarkdown _markdown = new(context, html);

    /// <summary>Everything but members talking (default, reply, slash-command and context-menu replies) is a system message.</summary>
    public static bool IsSystem(TranscriptMessage message) => message.Type is not (0 or 19 or 20 or 23);

    public void Write(TranscriptMessage message, bool startsGroup)
    {
        if (IsSystem(message))
        {
            WriteSystem(message);
            return;
        }

        var author = context.User(message.AuthorId);
        html.Markup(startsGroup ? "<div class=\"message first\" id=\"m-" : "<div class=\"message\" id=\"m-").Number(message.Id).Markup("\">");
        if (startsGroup)
        {
            if (message.ReferencedMessageId is { } referenced)
            {
                Reply(referenced);
            }

            Avatar(message.AuthorId, author);
            html.Markup("<div class=\"header\">");
            Name(author, "name");
            if (author is { Bot: true })
            {
                html.Markup("<span class=\"bot-tag\">BOT</span>");
            }

            DiscordTime.Write(html, message.Timestamp, DiscordTime.HeaderFormat, "time");
            html.Markup("</div>");
        }
        else
        {
            DiscordTime.Write(html, message.Timestamp, DiscordTime.ShortTimeFormat, "side-time");
        }

        Content(message);
        foreach (var embed in message.Embeds)
        {
            Embed(embed);
        }

        Attachments(message.Attachments);
        Stickers(message.Stickers);
        Reactions(message.Reactions);
        html.Markup("</div>");
    }

    private void Content(TranscriptMessage message)
    {
        if (message.Content.Length == 0 && message.EditedTimestamp is null)
        {
            return;
        }

        html.Markup(DiscordEmoji.IsJumbo(message.Content) ? "<div class=\"content jumbo\">" : "<div class=\"content\">");
        _markdown.WriteBlocks(message.Content);
        if (message.EditedTimestamp is { } edited)
        {
            html.Markup(" ");
            DiscordTime.Open(html, edited, "edited");
            html.Markup("(edited)</time>");
        }

        html.Markup("</div>");
    }

    /// <summary>The name in the guild, in the colour of the member's highest coloured role, with the username on hover.</summary>
    public void Name(TranscriptUser? user, string cssClass)
    {
        html.Markup("<span class=\"").Markup(cssClass).Markup("\"");
        if (user is null)
        {
            html.Markup(">Unknown user</span>");
            return;
        }

        if (user.Color is { } color and not 0)
        {
            html.Markup(" style=\"color:").Color(color).Markup("\"");
        }

        html.Markup(" title=\"").Text(user.Username).Markup("\">").Text(TranscriptContext.DisplayName(user)).Markup("</span>");
    }

    private void Avatar(ulong userId, TranscriptUser? user)
    {
        if (context.FileUrl(user?.AvatarFile) is { } url)
        {
            html.Markup("<img class=\"avatar\" src=\"").Text(url).Markup("\" alt=\"\" width=\"40\" height=\"40\" loading=\"lazy\">");
            return;
        }

        // Discord's own rule for a user without an avatar: the default picture follows from the id's timestamp bits.
        html.Markup("<div class=\"avatar default-avatar-").Number((userId >> 22) % DefaultAvatars).Markup("\" aria-hidden=\"true\"></div>");
    }

    private void Reply(ulong referencedId)
    {
        html.Markup("<div class=\"reply\">");
        var original = context.Message(referencedId);
        if (original is null)
        {
            html.Markup("<span class=\"reply-missing\">Original message was deleted</span></div>");
            return;
        }

        Name(context.User(original.AuthorId), "reply-name");
        html.Markup("<a class=\"reply-text\" href=\"#m-").Number(original.Id).Markup("\">");
        var preview = original.Content.AsSpan();
        var newline = preview.IndexOf('\n');
        preview = newline < 0 ? preview : preview[..newline];
        if (preview.Length > ReplyPreviewLength)
        {
            var cut = char.IsHighSurrogate(preview[ReplyPreviewLength - 1]) ? ReplyPreviewLength - 1 : ReplyPreviewLength;
            _markdown.WriteInline(preview[..cut], insideLink: true);
            html.Markup("…");
        }
        else if (!preview.IsEmpty)
        {
            _markdown.WriteInline(preview, insideLink: true);
        }
        else if (original.Attachments.Count + original.Embeds.Count + original.Stickers.Count > 0)
        {
            html.Markup("<em>Click to see attachment</em>");
        }

        html.Markup("</a></div>");
    }

    private void Embed(TranscriptEmbed embed)
    {
        html.Markup("<div class=\"embed\"");
        if (embed.Color is { } color)
        {
            html.Markup(" style=\"border-left-color:").Color(color).Markup("\"");
        }

        html.Markup("><div class=\"embed-main\">");
        if (embed.AuthorName is not null)
        {
            html.Markup("<div class=\"embed-author\">");
            Image(embed.AuthorIconFile, "embed-author-icon");
            Linked(embed.AuthorUrl, embed.AuthorName, markdown: false);
            html.Markup("</div>");
        }

        if (embed.Title is not null)
        {
            html.Markup("<div class=\"embed-title\">");
            Linked(embed.Url, embed.Title, markdown: true);
            html.Markup("</div>");
        }

        if (embed.Description is not null)
        {
            html.Markup("<div class=\"embed-description\">");
            _markdown.WriteBlocks(embed.Description);
            html.Markup("</div>");
        }

        if (embed.Fields.Count > 0)
        {
            html.Markup("<div class=\"embed-fields\">");
            foreach (var field in embed.Fields)
            {
                html.Markup(field.Inline ? "<div class=\"embed-field inline\"><div class=\"embed-field-name\">" : "<div class=\"embed-field\"><div class=\"embed-field-name\">");
                _markdown.WriteInline(field.Name);
                html.Markup("</div><div class=\"embed-field-value\">");
                _markdown.WriteBlocks(field.Value);
                html.Markup("</div></div>");
            }

            html.Markup("</div>");
        }

        Image(embed.ImageFile, "embed-image");
        if (embed.FooterText is not null || embed.Timestamp is not null)
        {
            html.Markup("<div class=\"embed-footer\">");
            Image(embed.FooterIconFile, "embed-footer-icon");
            if (embed.FooterText is not null)
            {
                html.Markup("<span>").Text(embed.FooterText).Markup("</span>");
            }

            if (embed.FooterText is not null && embed.Timestamp is not null)
            {
                html.Markup("<span class=\"embed-footer-separator\">•</span>");
            }

            if (embed.Timestamp is { } timestamp)
            {
                DiscordTime.Write(html, timestamp, DiscordTime.HeaderFormat, "embed-timestamp");
            }

            html.Markup("</div>");
        }

        html.Markup("</div>");
        Image(embed.ThumbnailFile, "embed-thumbnail");
        html.Markup("</div>");
    }

    /// <summary>Text that links to <paramref name="url"/> when that is an http(s) address, and is plain text otherwise.</summary>
    private void Linked(string? url, string text, bool markdown)
    {
        var safe = url is null ? null : SafeUrl.Web(url);
        if (safe is not null)
        {
            html.Markup("<a href=\"").Text(safe).Markup("\" target=\"_blank\" rel=\"noopener noreferrer nofollow ugc\">");
        }

        if (markdown)
        {
            _markdown.WriteInline(text, insideLink: safe is not null);
        }
        else
        {
            html.Text(text);
        }

        if (safe is not null)
        {
            html.Markup("</a>");
        }
    }

    // Embed images carry no description of their own in Discord: they are decoration next to the embed's text.
    private void Image(string? file, string cssClass)
    {
        if (context.FileUrl(file) is { } url)
        {
            html.Markup("<img class=\"").Markup(cssClass).Markup("\" src=\"").Text(url).Markup("\" alt=\"\" loading=\"lazy\">");
        }
    }

    private void Attachments(IReadOnlyList<TranscriptAttachment> attachments)
    {
        if (attachments.Count == 0)
        {
            return;
        }

        html.Markup("<div class=\"attachments\">");
        foreach (var attachment in attachments)
        {
            // Discord blurs a file its sender marked as a spoiler; here too, until hovered or clicked.
            var spoiler = attachment.FileName.StartsWith("SPOILER_", StringComparison.Ordinal);
            if (spoiler)
            {
                html.Markup("<div class=\"spoiler-attachment\" tabindex=\"0\">");
            }

            Attachment(attachment);
            if (spoiler)
            {
                html.Markup("</div>");
            }
        }

        html.Markup("</div>");
    }

    private void Attachment(TranscriptAttachment attachment)
    {
        var url = context.FileUrl(attachment.File);
        var media = url is null ? MediaKind.None : MediaKindOf(attachment);
        switch (media)
        {
            case MediaKind.Image:
                html.Markup("<a class=\"attachment-image\" href=\"").Text(url).Markup("\" target=\"_blank\" rel=\"noopener noreferrer\"><img src=\"")
                    .Text(url).Markup("\" alt=\"").Text(attachment.Description ?? attachment.FileName).Markup("\"");
                Dimensions(attachment);
                html.Markup(" loading=\"lazy\"></a>");
                break;
            case MediaKind.Video:
                html.Markup("<video class=\"attachment-video\" controls preload=\"metadata\" src=\"").Text(url).Markup("\" title=\"")
                    .Text(attachment.Description ?? attachment.FileName).Markup("\"");
                Dimensions(attachment);
                html.Markup("></video>");
                break;
            default:
                html.Markup(url is null ? "<div class=\"attachment-file missing\">" : "<div class=\"attachment-file\">");
                if (url is null)
                {
                    html.Markup("<span class=\"file-name\">").Text(attachment.FileName).Markup("</span>");
                }
                else
                {
                    html.Markup("<a class=\"file-name\" href=\"").Text(url).Markup("\" download>").Text(attachment.FileName).Markup("</a>");
                }

                html.Markup("<span class=\"file-size\">").Text(Size(attachment.Size)).Markup("</span>");
                if (url is null)
                {
                    html.Markup("<span class=\"file-missing\">File not copied</span>");
                }
                else if (media == MediaKind.Audio)
                {
                    html.Markup("<audio controls preload=\"none\" src=\"").Text(url).Markup("\"></audio>");
                }

                if (attachment.Description is not null)
                {
                    html.Markup("<span class=\"file-description\">").Text(attachment.Description).Markup("</span>");
                }

                html.Markup("</div>");
                break;
        }
    }

    private void Dimensions(TranscriptAttachment attachment)
    {
        if (attachment is { Width: > 0 and var width, Height: > 0 and var height })
        {
            html.Markup(" width=\"").Number(width).Markup("\" height=\"").Number(height).Markup("\"");
        }
    }

    private enum MediaKind { None, Image, Video, Audio }

    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp"];
    private static readonly string[] VideoExtensions = [".mp4", ".webm", ".mov", ".m4v"];
    private static readonly string[] AudioExtensions = [".mp3", ".ogg", ".oga", ".wav", ".flac", ".m4a", ".opus"];

    // Discord's content type when it sent one, else the file name's extension.
    private static MediaKind MediaKindOf(TranscriptAttachment attachment)
    {
        if (attachment.ContentType is { } type)
        {
            return type.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? MediaKind.Image
                : type.StartsWith("video/", StringComparison.OrdinalIgnoreCase) ? MediaKind.Video
                : type.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) ? MediaKind.Audio
                : MediaKind.None;
        }

        var extension = Path.GetExtension(attachment.FileName.AsSpan());
        return HasAny(extension, ImageExtensions) ? MediaKind.Image
            : HasAny(extension, VideoExtensions) ? MediaKind.Video
            : HasAny(extension, AudioExtensions) ? MediaKind.Audio
            : MediaKind.None;
    }

    private static bool HasAny(ReadOnlySpan<char> extension, string[] extensions)
    {
        foreach (var candidate in extensions)
        {
            if (extension.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.##} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.##} MB"),
    };

    private void Stickers(IReadOnlyList<TranscriptSticker> stickers)
    {
        foreach (var sticker in stickers)
        {
            // Lottie stickers are animations that need a script player: the page names them instead.
            var url = sticker.FormatType == 3 ? null : context.FileUrl(sticker.File);
            if (url is null)
            {
                html.Markup("<div class=\"sticker-name\">Sticker: ").Text(sticker.Name).Markup("</div>");
                continue;
            }

            html.Markup("<img class=\"sticker\" src=\"").Text(url).Markup("\" alt=\"").Text(sticker.Name).Markup("\" title=\"").Text(sticker.Name)
                .Markup("\" width=\"160\" height=\"160\" loading=\"lazy\">");
        }
    }

    private void Reactions(IReadOnlyList<TranscriptReaction> reactions)
    {
        if (reactions.Count == 0)
        {
            return;
        }

        html.Markup("<div class=\"reactions\">");
        foreach (var reaction in reactions)
        {
            html.Markup("<span class=\"reaction\">");
            if (reaction.EmojiId is null)
            {
                html.Markup("<span class=\"reaction-emoji\">").Text(reaction.Name).Markup("</span>");
            }
            else
            {
                DiscordEmoji.WriteCustom(html, context.FileUrl(reaction.File), reaction.Name);
            }

            html.Markup("<span class=\"reaction-count\">").Number(reaction.Count).Markup("</span></span>");
        }

        html.Markup("</div>");
    }

    private void WriteSystem(TranscriptMessage message)
    {
        html.Markup("<div class=\"message system\" id=\"m-").Number(message.Id).Markup("\"><span class=\"system-icon\" aria-hidden=\"true\">")
            .Markup(SystemIcon(message.Type)).Markup("</span><span class=\"system-text\">");
        Name(context.User(message.AuthorId), "name");
        switch (message.Type)
        {
            case 1:
                html.Markup(" added ");
                Name(FirstMentioned(message), "name");
                html.Markup(" to the thread.");
                break;
            case 2:
                html.Markup(" removed ");
                Name(FirstMentioned(message), "name");
                html.Markup(" from the thread.");
                break;
            case 4:
                html.Markup(" changed the thread name: <strong>").Text(message.Content).Markup("</strong>");
                break;
            case 6 when message.ReferencedMessageId is { } pinned:
                html.Markup(" pinned <a href=\"#m-").Number(pinned).Markup("\">a message</a> to this channel.");
                break;
            case 6:
                html.Markup(" pinned a message to this channel.");
                break;
            case 7:
                html.Markup(" joined the server.");
                break;
            case 18:
                html.Markup(" started a thread: <strong>").Text(message.Content).Markup("</strong>");
                break;
            default:
                html.Markup(" caused a Discord system message (type ").Number(message.Type).Markup(").");
                break;
        }

        html.Markup("</span>");
        DiscordTime.Write(html, message.Timestamp, DiscordTime.HeaderFormat, "time");
        html.Markup("</div>");
    }

    private TranscriptUser? FirstMentioned(TranscriptMessage message) =>
        message.MentionIds.Count > 0 ? context.User(message.MentionIds[0]) : null;

    private static string SystemIcon(int type) => type switch
    {
        1 => "+",
        2 => "−",
        4 => "✎",
        6 => "📌",
        7 => "→",
        18 => "#",
        _ => "•",
    };
}
