using TicketSaas.BuildingBlocks.Discord.Entities;

namespace TicketSaas.BuildingBlocks.Discord.Builders;

/// <summary>Builds a rich embed; each setter checks its own limit, <see cref="Build"/> checks the embed's total.</summary>
public sealed class DiscordEmbedBuilder
{
    private readonly List<DiscordEmbedField> fields = [];
    private string? title;
    private string? description;
    private string? url;
    private int? color;
    private DateTimeOffset? timestamp;
    private DiscordEmbedFooter? footer;
    private DiscordEmbedAuthor? author;
    private DiscordEmbedMedia? image;
    private DiscordEmbedMedia? thumbnail;

    public DiscordEmbedBuilder WithTitle(string value)
    {
        DiscordLimits.Length("Embed title", value, DiscordLimits.EmbedTitle);
        title = value;
        return this;
    }

    public DiscordEmbedBuilder WithDescription(string value)
    {
        DiscordLimits.Length("Embed description", value, DiscordLimits.EmbedDescription);
        description = value;
        return this;
    }

    public DiscordEmbedBuilder WithUrl(string value)
    {
        DiscordLimits.Length("Embed url", value, DiscordLimits.EmbedUrl);
        url = value;
        return this;
    }

    public DiscordEmbedBuilder WithColor(int rgb)
    {
        DiscordLimits.Range("Embed color", rgb, 0, DiscordLimits.EmbedColor);
        color = rgb;
        return this;
    }

    public DiscordEmbedBuilder WithTimestamp(DateTimeOffset value)
    {
        timestamp = value;
        return this;
    }

    public DiscordEmbedBuilder WithFooter(string text, string? iconUrl = null)
    {
        DiscordLimits.Length("Embed footer text", text, DiscordLimits.EmbedFooter, required: true);
        footer = new DiscordEmbedFooter(text) { IconUrl = iconUrl };
        return this;
    }

    public DiscordEmbedBuilder WithAuthor(string name, string? url = null, string? iconUrl = null)
    {
        DiscordLimits.Length("Embed author name", name, DiscordLimits.EmbedAuthorName, required: true);
        author = new DiscordEmbedAuthor(name) { Url = url, IconUrl = iconUrl };
        return this;
    }

    /// <summary>An http(s) url, or "attachment://name" for a file sent with the message.</summary>
    public DiscordEmbedBuilder WithImage(string imageUrl)
    {
        image = new DiscordEmbedMedia(imageUrl);
        return this;
    }

    public DiscordEmbedBuilder WithThumbnail(string imageUrl)
    {
        thumbnail = new DiscordEmbedMedia(imageUrl);
        return this;
    }

    public DiscordEmbedBuilder AddField(string name, string value, bool inline = false)
    {
        DiscordLimits.Count("An embed", fields.Count + 1, DiscordLimits.EmbedFields, "fields");
        DiscordLimits.Length("Embed field name", name, DiscordLimits.EmbedFieldName, required: true);
        DiscordLimits.Length("Embed field value", value, DiscordLimits.EmbedFieldValue, required: true);
        fields.Add(new DiscordEmbedField(name, value) { Inline = inline ? true : null });
        return this;
    }

    public DiscordEmbed Build()
    {
        var embed = new DiscordEmbed
        {
            Title = title,
            Description = description,
            Url = url,
            Color = color,
            Timestamp = timestamp,
            Footer = footer,
            Author = author,
            Image = image,
            Thumbnail = thumbnail,
            Fields = fields.Count > 0 ? fields.ToArray() : null,
        };
        DiscordLimits.Count("An embed", CountCharacters(embed), DiscordLimits.EmbedCharactersPerMessage, "characters");
        return embed;
    }

    /// <summary>The characters Discord counts toward the 6,000 per message: title, description, fields, footer, author.</summary>
    internal static int CountCharacters(DiscordEmbed embed) =>
        (embed.Title?.Length ?? 0)
        + (embed.Description?.Length ?? 0)
        + (embed.Fields?.Sum(field => field.Name.Length + field.Value.Length) ?? 0)
        + (embed.Footer?.Text.Length ?? 0)
        + (embed.Author?.Name.Length ?? 0);
}
