using TicketSaas.Modules.Transcripts.Domain.Documents;
using TicketSaas.Modules.Transcripts.Rendering;

namespace TicketSaas.IntegrationTests.Transcripts.Rendering;

/// <summary>
/// One ticket thread that uses every feature the transcript page draws, written by hand. Message ids are 5001…5020 in
/// order; <see cref="TranscriptRenderingTests"/> names them when it checks what the page shows for each.
/// </summary>
internal static class GoldenThread
{
    public const ulong Ana = 1001;
    public const ulong Ben = 1002;
    public const ulong Bot = 1003;
    public const ulong Carl = 1004;
    public const ulong Support = 2001;
    public const ulong Thread = 3001;
    public const ulong General = 3002;
    public const ulong BillingThread = 3003;

    public static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Three days and two hours before the close: 10:00 AM on Tuesday, November 17, 2026.</summary>
    public const long UnixMoment = 1794909600;

    public static TranscriptDocument Document { get; } = Build();

    private static TranscriptDocument Build()
    {
        var users = new Dictionary<ulong, TranscriptUser>
        {
            [Ana] = new(Ana, "ana", "Ana", "Ana (customer)", "avatars/ana.png", Bot: false, Color: null),
            [Ben] = new(Ben, "ben", "Ben", null, "avatars/ben.png", Bot: false, Color: 0x3498DB),
            [Bot] = new(Bot, "ticketbot", "TicketBot", null, null, Bot: true, Color: 0x57F287),
            [Carl] = new(Carl, "carl", "Carl", null, null, Bot: false, Color: null),
        };
        var roles = new Dictionary<ulong, TranscriptRole> { [Support] = new(Support, "Support", 0xE67E22), [2002] = new(2002, "Members", 0) };
        var channels = new Dictionary<ulong, TranscriptChannel>
        {
            [Thread] = new(Thread, "ticket-0042"), [General] = new(General, "general"), [BillingThread] = new(BillingThread, "ticket-0042-billing"),
        };
        var emojis = new Dictionary<ulong, TranscriptEmoji>
        {
            [4001] = new(4001, "blobwave", false, "emojis/4001.png"),
            [4002] = new(4002, "partyparrot", true, "emojis/4002.gif"),
            [4003] = new(4003, "gone", false, null),
        };

        var welcome = new TranscriptEmbed(
            Title: "Ticket #42", Description: "**Please describe** your problem.\nStaff will answer _soon_.", Url: "https://example.com/tickets/42",
            Color: 0x5865F2, AuthorName: "TicketBot Help", AuthorUrl: "https://example.com/bot", AuthorIconFile: "embeds/author.png",
            Fields: [new("Category", "Billing", true), new("Opened by", "<@1001>", true), new("Priority", "High", false)],
            FooterText: "TicketSaas", FooterIconFile: "embeds/footer.png", ImageFile: "embeds/banner.png", ThumbnailFile: "embeds/thumb.png",
            Timestamp: Start);

        TranscriptMessage[] messages =
        [
            Message(5001, Bot, 0, "Welcome <@1001>! <@&2001> will be with you shortly.") with { Embeds = [welcome] },
            Message(5002, Ana, 1, "**bold** *italic* _also italic_ __underline__ ~~strike~~ ||secret|| `inline code` \\*not italic\\* snake_case_name"),
            Message(5003, Ana, 2, "# Big heading\n## Medium heading\n### Small heading\n-# subtext line\n- first\n- second\n  - nested\n1. one\n2. two\n> quoted line\n>>> rest of\nthe message"),
            Message(5004, Ana, 3, "```csharp\nvar x = 1 < 2;\n```"),
            Message(5005, Ana, 4, "[docs](https://example.com/docs) and https://example.org/page. Also [bad](javascript:alert(1)) and <https://example.net/nopreview>"),
            Message(5006, Ben, 10, "Mentions: <@1001> <@!1002> <@&2001> <#3001> <@999> <@&998> <#997> @everyone @here") with { Type = 19, ReferencedMessageId = 5002 },
            Message(5007, Ben, 12, "Hi <:blobwave:4001> <a:partyparrot:4002> <:gone:4003> 👍") with { EditedTimestamp = Start.AddMinutes(15) },
            Message(5008, Ben, 13, "<:blobwave:4001> 😀 <a:partyparrot:4002>"),
            Message(5009, Ben, 21, $"<t:{UnixMoment}:t> <t:{UnixMoment}:T> <t:{UnixMoment}:d> <t:{UnixMoment}:D> <t:{UnixMoment}:f> <t:{UnixMoment}:F> <t:{UnixMoment}:R> <t:{UnixMoment}>"),
            Message(5010, Ana, 30, "Here are the files.") with
            {
                Attachments =
                [
                    new("screenshot.png", "image/png", 48_000, "files/screenshot.png", 800, 600, "The error dialog"),
                    new("clip.mp4", "video/mp4", 2_000_000, "files/clip.mp4", 640, 360, null),
                    new("voice.ogg", "audio/ogg", 30_000, "files/voice.ogg", null, null, null),
                    new("invoice.pdf", "application/pdf", 123_456, "files/invoice.pdf", null, null, "March invoice"),
                    new("lost.zip", "application/zip", 5_000_000, null, null, null, null),
                    new("SPOILER_receipt.jpg", null, 20_000, "files/receipt.jpg", 300, 400, null),
                ],
            },
            Message(5011, Ana, 31, "Replying to something gone") with { Type = 19, ReferencedMessageId = 5999 },
            Message(5012, Ben, 32, "Thanks!") with { Reactions = [new("👍", null, false, null, 3), new("blobwave", 4001, false, "emojis/4001.png", 2)] },
            Message(5013, Ana, 33, "") with { Stickers = [new(6001, "Wave", 1, "stickers/6001.png"), new(6002, "Dancing", 3, "stickers/6002.json")] },
            Message(5014, Carl, 40, "", type: 7),
            Message(5015, Ben, 41, "", type: 6) with { ReferencedMessageId = 5010 },
            Message(5016, Ben, 42, "billing-followup", type: 18),
            Message(5017, Ben, 43, "", type: 1) with { MentionIds = [Carl] },
            Message(5018, Ben, 44, "", type: 21),
            Message(5019, Ben, 50, "We moved this ticket to billing.") with { ChannelId = BillingThread },
            Message(5020, 9999, 51, "A message from someone the snapshot does not know.") with { ChannelId = BillingThread },
        ];

        var ticket = new TranscriptTicket(
            Guid.Parse("8d3c6f0e-2f57-4d55-9b1f-0c8f0e3a2b42"), 42, 900, "Acme Support", "Billing", Ana, ClaimedBy: Ben, ClosedBy: Ben,
            "Resolved: refund issued", Start.AddMinutes(-2), Start.AddHours(2), CloseSequence: 2,
            [new("Order number", "A-1001"), new("What went wrong?", "The parcel never arrived.\nTracking stopped on Monday.")],
            [Thread, BillingThread]);
        return new TranscriptDocument(TranscriptDocument.CurrentVersion, ticket, messages, users, roles, channels, emojis, ContentMissing: true);
    }

    /// <summary>The ticket was closed once before this close.</summary>
    public static IReadOnlyList<CloseLink> Closes { get; } =
    [
        new(1, new DateTimeOffset(2026, 11, 13, 16, 30, 0, TimeSpan.Zero), "/t/golden?close=1"),
        new(2, Start.AddHours(2), "/t/golden?close=2"),
    ];

    public static TranscriptMessage Message(ulong id, ulong author, int minutes, string content, int type = 0) =>
        new(id, Thread, type, author, content, Start.AddMinutes(minutes), null, null, [], [], [], [], [], []);
}
