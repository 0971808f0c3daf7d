using TicketSaas.Modules.Transcripts.Domain.Documents;

namespace TicketSaas.Modules.Transcripts.Rendering;

/// <summary>
/// Writes a transcript as one self-contained HTML page styled like Discord: an inline style sheet, no script, and no
/// address of any other host (files come from <c>fileUrl</c>, links are http or https only).
/// </summary>
/// <remarks>
/// Reading order: this class writes the page and its ticket facts and decides where message groups start;
/// <see cref="MessageRenderer"/> writes each message; <see cref="DiscordMarkdown"/> their text; <see cref="HtmlBuffer"/>
/// is the only place text is encoded and <see cref="SafeUrl"/> the only place addresses are let through.
/// </remarks>
internal static class TranscriptRenderer
{
    /// <summary>Discord shows consecutive messages of one author within this window under one header.</summary>
    private static readonly TimeSpan GroupWindow = TimeSpan.FromMinutes(7);

    /// <summary>Writes the page to <paramref name="output"/> as it goes: a few kilobytes at a time, never the whole page at once.</summary>
    /// <param name="fileUrl">Turns a stored-file key into the URL the page uses for it (the viewer serves files under its own path).</param>
    /// <param name="closes">Every close of the ticket, oldest first, for a reader to move between them; none for a page on its own.</param>
    public static async Task RenderAsync(TranscriptDocument document, TextWriter output, Func<string, string> fileUrl, IReadOnlyList<CloseLink> closes,
        CancellationToken cancellationToken)
    {
        var context = new TranscriptContext(document, fileUrl);
        var html = new HtmlBuffer();
        var messages = new MessageRenderer(context, html);

        Head(html, document.Ticket);
        Ticket(html, messages, context, closes);
        if (document.ContentMissing)
        {
            html.Markup("<div class=\"notice\" role=\"note\">The bot lacked Discord's Message Content permission while this ticket was open, "
                + "so members' texts could not be captured: their messages below show only attachments, embeds and reactions.</div>");
        }

        html.Markup("<main class=\"messages\">");
        TranscriptMessage? previous = null;
        foreach (var message in document.Messages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var startsGroup = StartsGroup(previous, message);
            if (startsGroup && previous is not null)
            {
                html.Markup("</section>");
            }

            if (previous is not null && previous.ChannelId != message.ChannelId)
            {
                ChannelDivider(html, context, message.ChannelId);
            }

            if (startsGroup)
            {
                html.Markup(MessageRenderer.IsSystem(message) ? "<section class=\"group system\">" : "<section class=\"group\">");
            }

            messages.Write(message, startsGroup);
            previous = message;
            if (html.Length >= HtmlBuffer.FlushThreshold)
            {
                await html.FlushToAsync(output, cancellationToken).ConfigureAwait(false);
            }
        }

        html.Markup(previous is null ? "<p class=\"empty\">No messages.</p>" : "</section>");
        html.Markup("</main></body></html>");
        await html.FlushToAsync(output, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A message joins the group above it when it is by the same author in the same thread within seven minutes, and
    /// neither is a system message; a reply always starts a group, so the line it quotes sits above its header.
    /// </summary>
    private static bool StartsGroup(TranscriptMessage? previous, TranscriptMessage message) =>
        previous is null
        || MessageRenderer.IsSystem(message)
        || MessageRenderer.IsSystem(previous)
        || message.ReferencedMessageId is not null
        || message.AuthorId != previous.AuthorId
        || message.ChannelId != previous.ChannelId
        || message.Timestamp - previous.Timestamp is var gap && (gap < TimeSpan.Zero || gap > GroupWindow);

    private static void Head(HtmlBuffer html, TranscriptTicket ticket)
    {
        html.Markup("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"referrer\" content=\"no-referrer\">")
            .Markup("<title>Ticket #").Number(ticket.Number).Markup(" · ").Text(ticket.GuildName).Markup("</title><style>")
            .Markup(TranscriptStyles.Css).Markup("</style></head><body>");
    }

    private static void Ticket(HtmlBuffer html, MessageRenderer messages, TranscriptContext context, IReadOnlyList<CloseLink> closes)
    {
        var ticket = context.Document.Ticket;
        html.Markup("<header class=\"ticket\"><div class=\"guild\">").Text(ticket.GuildName).Markup("</div><h1>Ticket #").Number(ticket.Number)
            .Markup("</h1><dl class=\"facts\">");
        Fact(html, "Category").Text(ticket.CategoryName).Markup("</dd></div>");
        Person(html, messages, context, "Opened by", ticket.OpenerId, nobody: "");
        Person(html, messages, context, "Claimed by", ticket.ClaimedBy, nobody: "Nobody");
        Person(html, messages, context, "Closed by", ticket.ClosedBy, nobody: "The inactivity timer");
        Fact(html, "Close reason").Text(string.IsNullOrWhiteSpace(ticket.CloseReason) ? "No reason given" : ticket.CloseReason).Markup("</dd></div>");
        Fact(html, "Opened");
        DiscordTime.Write(html, ticket.OpenedAt, DiscordTime.HeaderFormat, "time");
        html.Markup("</dd></div>");
        Fact(html, "Closed");
        DiscordTime.Write(html, ticket.ClosedAt, DiscordTime.HeaderFormat, "time");
        html.Markup("</dd></div>");

        // A reopened ticket gets one transcript per close; this says which close this one records.
        Fact(html, "Close").Markup("#").Number(ticket.CloseSequence).Markup("</dd></div></dl>");
        Closes(html, closes, ticket.CloseSequence);

        if (ticket.Answers.Count > 0)
        {
            html.Markup("<section class=\"answers\"><h2>Form answers</h2><dl>");
            foreach (var answer in ticket.Answers)
            {
                html.Markup("<dt>").Text(answer.Question).Markup("</dt><dd>").Text(answer.Answer).Markup("</dd>");
            }

            html.Markup("</dl></section>");
        }

        html.Markup("<p class=\"times-note\">All times are in UTC.</p></header>");
    }

    /// <summary>A ticket closed more than once keeps one transcript per close under one link: each is reachable from the others.</summary>
    private static void Closes(HtmlBuffer html, IReadOnlyList<CloseLink> closes, int current)
    {
        if (closes.Count < 2)
        {
            return;
        }

        html.Markup("<nav class=\"closes\" aria-label=\"Closes of this ticket\"><h2>Closes of this ticket</h2><ol>");
        foreach (var close in closes)
        {
            html.Markup("<li>");
            var url = SafeUrl.File(close.Url);
            if (url is not null)
            {
                html.Markup("<a href=\"").Text(url).Markup(close.Sequence == current ? "\" aria-current=\"page\">" : "\">");
            }

            html.Markup("Close #").Number(close.Sequence).Markup(" · ");
            DiscordTime.Write(html, close.ClosedAt, DiscordTime.HeaderFormat, "time");
            html.Markup(url is null ? "</li>" : "</a></li>");
        }

        html.Markup("</ol></nav>");
    }

    private static HtmlBuffer Fact(HtmlBuffer html, string label) =>
        html.Markup("<div><dt>").Markup(label).Markup("</dt><dd>");

    private static void Person(HtmlBuffer html, MessageRenderer messages, TranscriptContext context, string label, ulong? userId, string nobody)
    {
        Fact(html, label);
        if (userId is { } id)
        {
            messages.Name(context.User(id), "name");
        }
        else
        {
            html.Markup(nobody);
        }

        html.Markup("</dd></div>");
    }

    // A ticket moved to another category continues in a new thread: the page says where each part was written.
    private static void ChannelDivider(HtmlBuffer html, TranscriptContext context, ulong channelId)
    {
        html.Markup("<div class=\"channel-divider\">#")
            .Text(context.Document.Channels.TryGetValue(channelId, out var channel) ? channel.Name : "unknown-channel")
            .Markup("</div>");
    }
}

/// <summary>One close of the ticket and where the viewer shows it.</summary>
internal sealed record CloseLink(int Sequence, DateTimeOffset ClosedAt, string Url);
