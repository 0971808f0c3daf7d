using System.Globalization;
using TicketSaas.Modules.Transcripts.Domain.Documents;

namespace TicketSaas.IntegrationTests.Transcripts.Rendering;

/// <summary>
/// A long ticket thread for load: twenty people talking with markdown, mentions, custom emoji, timestamps, code, replies,
/// embeds, attachments and reactions in a fixed rhythm. The benchmark project compiles this file too, so the streaming
/// test and the benchmark render the same thread.
/// </summary>
internal static class LargeThread
{
    private const int People = 20;
    private const ulong FirstPerson = 100;
    private const ulong Support = 2001;
    private const ulong Thread = 3001;
    private const ulong Wave = 4001;

    private static readonly string[] Texts =
    [
        "Hi <@{person}>, thanks for waiting. Could you send the **order number** and the _email_ you used?",
        "Sure: `A-{n}` and ana@example.com. It was ordered on <t:1794909600:D>, see https://example.com/orders/{n}.",
        "> the parcel never arrived\nTracking stopped on Monday. ||I am a bit annoyed|| :(",
        "Escalating to <@&2001> in <#3001>.\n- checked the carrier\n- checked the warehouse\n1. refund\n2. resend",
        "```json\n{\"order\": \"A-{n}\", \"status\": \"lost\"}\n```",
        "__Update__: the carrier confirmed the loss ~~yesterday~~ today. [Details](https://example.com/carriers/{n}) <:blobwave:4001> 👍",
        "# Summary\nRefund issued <t:1794909600:R>. Anything else? *Have a nice day*",
        "ok",
    ];

    public static TranscriptDocument Create(int messageCount)
    {
        var start = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        var users = Enumerable.Range(0, People).Select(i => FirstPerson + (ulong)i).ToDictionary(
            id => id,
            id => new TranscriptUser(id, $"user{id}", $"User {id}", id % 3 == 0 ? $"Nick {id}" : null, $"avatars/{id}.png", id == FirstPerson, id % 2 == 0 ? 0x3498DB : null));
        var messages = new List<TranscriptMessage>(messageCount);
        for (var i = 0; i < messageCount; i++)
        {
            var id = 1_000_000 + (ulong)i;
            var author = FirstPerson + (ulong)(i / 3 % People);
            var text = Texts[i % Texts.Length]
                .Replace("{person}", (FirstPerson + (ulong)((i + 1) % People)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{n}", i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            messages.Add(new TranscriptMessage(
                id, Thread, i % 11 == 5 ? 19 : 0, author, text, start.AddSeconds(40 * i), i % 17 == 3 ? start.AddSeconds(40 * i + 30) : null,
                i % 11 == 5 ? id - 4 : null,
                i % 10 == 0 ? [Embed(i, start)] : [],
                i % 7 == 0
                    ? [new($"photo-{i}.png", "image/png", 150_000, $"files/{i}/photo.png", 1024, 768, "A photo"), new($"log-{i}.txt", "text/plain", 2_048, $"files/{i}/log.txt", null, null, null)]
                    : [],
                i % 13 == 0 ? [new("👍", null, false, null, 3), new("blobwave", Wave, false, "emojis/4001.png", 1)] : [],
                [], [], []));
        }

        var ticket = new TranscriptTicket(
            Guid.Parse("0b7f3a52-51f1-4a8e-a3c5-5f1c7e8d9a10"), 7, 900, "Acme Support", "Shipping", FirstPerson, FirstPerson + 1, FirstPerson + 1,
            "Refunded", start, start.AddSeconds(40 * messageCount), 1, [new("Order number", "A-1")], [Thread]);
        return new TranscriptDocument(
            TranscriptDocument.CurrentVersion, ticket, messages, users,
            new Dictionary<ulong, TranscriptRole> { [Support] = new(Support, "Support", 0xE67E22) },
            new Dictionary<ulong, TranscriptChannel> { [Thread] = new(Thread, "ticket-0007") },
            new Dictionary<ulong, TranscriptEmoji> { [Wave] = new(Wave, "blobwave", false, "emojis/4001.png") },
            ContentMissing: false);
    }

    private static TranscriptEmbed Embed(int i, DateTimeOffset at) => new(
        $"Order A-{i}", "Status: **lost in transit**\nNext step: _refund_", $"https://example.com/orders/{i}", 0x5865F2, "Shop bot",
        "https://example.com", "embeds/author.png", [new("Carrier", "Parcel Co", true), new("Days late", "6", true)], "Acme shop",
        "embeds/footer.png", null, "embeds/thumb.png", at);
}
