using TicketSaas.BuildingBlocks.Discord.Entities;

namespace TicketSaas.BuildingBlocks.Discord.Builders;

/// <summary>
/// A message to create or edit, or the message of an interaction response or follow-up. Each add checks its own
/// limit at once; the limits across embeds are checked when the payload is taken.
/// </summary>
public sealed class DiscordMessageBuilder
{
    private readonly List<DiscordEmbed> embeds = [];
    private readonly List<DiscordComponent> components = [];
    private readonly List<DiscordFile> files = [];
    private string? content;
    private bool? tts;
    private MessageFlags? flags;
    private DiscordAllowedMentions? allowedMentions = DiscordAllowedMentions.None;
    private DiscordMessageReference? reply;
    private bool clearComponents;

    public IReadOnlyList<DiscordFile> Files => files;

    public DiscordMessageBuilder WithContent(string value)
    {
        DiscordLimits.Length("Message content", value, DiscordLimits.MessageContent);
        content = value;
        return this;
    }

    public DiscordMessageBuilder WithTts(bool value)
    {
        tts = value;
        return this;
    }

    public DiscordMessageBuilder WithFlags(MessageFlags value)
    {
        flags = value;
        return this;
    }

    /// <summary>Only the member who triggered the interaction sees it. Interaction responses and follow-ups only.</summary>
    public DiscordMessageBuilder AsEphemeral() => WithFlags((flags ?? MessageFlags.None) | MessageFlags.Ephemeral);

    /// <summary>Defaults to none: content never notifies anyone unless allowed here.</summary>
    public DiscordMessageBuilder WithAllowedMentions(DiscordAllowedMentions? value)
    {
        allowedMentions = value;
        return this;
    }

    public DiscordMessageBuilder AsReplyTo(ulong messageId)
    {
        reply = new DiscordMessageReference { MessageId = messageId };
        return this;
    }

    public DiscordMessageBuilder AddEmbed(DiscordEmbed embed)
    {
        DiscordLimits.Count("A message", embeds.Count + 1, DiscordLimits.EmbedsPerMessage, "embeds");
        embeds.Add(embed);
        return this;
    }

    /// <summary>
    /// For an edit: sends the components as given even when there are none, which removes the message's buttons (an edit
    /// without components keeps them).
    /// </summary>
    public DiscordMessageBuilder ReplacingComponents()
    {
        clearComponents = true;
        return this;
    }

    public DiscordMessageBuilder AddActionRow(params DiscordComponent[] rowComponents) =>
        AddActionRow(new DiscordActionRow { Components = rowComponents });

    public DiscordMessageBuilder AddActionRow(DiscordActionRow row)
    {
        DiscordLimits.Count("A message", components.Count + 1, DiscordLimits.ActionRowsPerMessage, "action rows");
        DiscordLimits.ActionRow(row);
        components.Add(row);
        return this;
    }

    /// <summary>Embeds refer to the file as "attachment://<paramref name="fileName"/>".</summary>
    public DiscordMessageBuilder AddFile(string fileName, ReadOnlyMemory<byte> data, string? description = null)
    {
        DiscordLimits.Count("A message", files.Count + 1, DiscordLimits.FilesPerMessage, "files");
        DiscordLimits.Length("File name", fileName, 1024, required: true);
        files.Add(new DiscordFile(fileName, data, description));
        return this;
    }

    internal MessagePayload ToPayload()
    {
        DiscordLimits.Count("A message", embeds.Sum(DiscordEmbedBuilder.CountCharacters),
            DiscordLimits.EmbedCharactersPerMessage, "embed characters");
        return new MessagePayload
        {
            Content = content,
            Tts = tts,
            Embeds = embeds.Count > 0 ? embeds.ToArray() : null,
            Components = components.Count > 0 || clearComponents ? components.ToArray() : null,
            Attachments = files.Count > 0
                ? files.Select((file, index) => new AttachmentSlot((ulong)index, file.FileName, file.Description)).ToArray()
                : null,
            Flags = flags,
            AllowedMentions = allowedMentions,
            MessageReference = reply,
        };
    }
}

/// <summary>A file uploaded with a message. Kept in memory so a retried request can send it again.</summary>
public sealed record DiscordFile(string FileName, ReadOnlyMemory<byte> Data, string? Description);

/// <summary>The JSON body of message create/edit, interaction messages and follow-ups.</summary>
internal sealed record MessagePayload
{
    public string? Content { get; init; }
    public bool? Tts { get; init; }
    public IReadOnlyList<DiscordEmbed>? Embeds { get; init; }
    public IReadOnlyList<DiscordComponent>? Components { get; init; }
    public IReadOnlyList<AttachmentSlot>? Attachments { get; init; }
    public MessageFlags? Flags { get; init; }
    public DiscordAllowedMentions? AllowedMentions { get; init; }
    public DiscordMessageReference? MessageReference { get; init; }

    /// <summary>With <see cref="EnforceNonce"/>, Discord returns the first message for a repeated nonce instead of posting twice.</summary>
    public string? Nonce { get; init; }
    public bool? EnforceNonce { get; init; }
}

/// <summary>
/// Links multipart part "files[<see cref="Id"/>]" to the attachment in the JSON payload. The id goes out as a
/// snowflake string, as Discord's OpenAPI document types it (the prose docs show a number; Discord takes both).
/// </summary>
internal sealed record AttachmentSlot(ulong Id, string Filename, string? Description);
