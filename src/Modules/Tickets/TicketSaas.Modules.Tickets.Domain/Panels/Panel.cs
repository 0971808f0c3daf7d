using TicketSaas.BuildingBlocks.Domain;

namespace TicketSaas.Modules.Tickets.Domain.Panels;

public enum PanelStyle
{
    /// <summary>One button per category: at most 5 rows of 5.</summary>
    Buttons,

    /// <summary>One string select listing the categories: at most 25 options.</summary>
    Dropdown,
}

/// <summary>What a panel shows: where, with which text, as buttons or a dropdown, and which categories in which order.</summary>
public sealed record PanelContent(ulong ChannelId, string Title, string Description, PanelStyle Style, IReadOnlyList<Guid> CategoryIds)
{
    public const int MaxTitleLength = 256;
    public const int MaxDescriptionLength = 4000;

    /// <summary>Buttons: 5 action rows of 5; a dropdown: Discord's 25 select options.</summary>
    public const int MaxCategories = 25;
}

/// <summary>A message in a guild channel from which members open tickets of the panel's categories.</summary>
public sealed class Panel : Entity
{
    internal Panel(Guid id, ulong guildId, DateTimeOffset createdAt)
    {
        Id = id;
        GuildId = guildId;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public ulong GuildId { get; private set; }

    public ulong ChannelId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Description { get; private set; } = string.Empty;

    public PanelStyle Style { get; private set; }

    /// <summary>The categories offered, in display order.</summary>
    public IReadOnlyList<Guid> CategoryIds { get; private set; } = [];

    /// <summary>The live Discord message showing this panel; null until the bot has posted it.</summary>
    public ulong? MessageId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The bot posted (or re-posted) the panel; null when its message turned out to be gone.</summary>
    public void Published(ulong? messageId) => MessageId = messageId;

    internal void Change(PanelContent content, DateTimeOffset now)
    {
        ChannelId = content.ChannelId;
        Title = content.Title;
        Description = content.Description;
        Style = content.Style;
        CategoryIds = [.. content.CategoryIds];
        UpdatedAt = now;
    }
}
