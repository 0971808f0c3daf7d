using TicketSaas.BuildingBlocks.Domain;
using TicketSaas.Modules.Tickets.Domain.Panels;
using TicketSaas.Modules.Tickets.Domain.Settings;

namespace TicketSaas.Modules.Tickets.Domain.Categories;

/// <summary>A guild's ticket configuration: the aggregate that guards its categories, panels and settings.</summary>
public sealed class TicketGuild : Entity
{
    public const int MaxCategories = 50;
    public const int MaxPanels = 25;

    private readonly List<Category> _categories = [];
    private readonly List<Panel> _panels = [];

    private TicketGuild(ulong guildId, DateTimeOffset updatedAt)
    {
        GuildId = guildId;
        UpdatedAt = updatedAt;
    }

    public ulong GuildId { get; private set; }

    /// <summary>Raised on every configuration change; also the optimistic-concurrency token.</summary>
    public int Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The language of the bot's replies in this guild.</summary>
    public string Language { get; private set; } = GuildSettings.DefaultLanguage;

    /// <summary>While on, <see cref="DeveloperUserIds"/> bypass open-ticket limits and cooldowns.</summary>
    public bool DevMode { get; private set; }

    public IReadOnlyList<ulong> DeveloperUserIds { get; private set; } = [];

    public IReadOnlyList<Category> Categories => _categories;

    public IReadOnlyList<Panel> Panels => _panels;

    public static TicketGuild Create(ulong guildId, DateTimeOffset now) => new(guildId, now);

    public Category AddCategory(string name, string namingScheme, DateTimeOffset now)
    {
        var category = new Category(Guid.CreateVersion7(now), GuildId, name.Trim(), namingScheme, now);
        _categories.Add(category);
        Changed(now);
        CheckRule(new CategoryLimitRule(_categories.Count));
        CheckRule(new CategoryNameMustBeUniqueRule(_categories));
        return category;
    }

    /// <returns>The changed category, or null when the guild has no category with that id.</returns>
    public Category? UpdateCategory(Guid categoryId, CategorySettings settings, DateTimeOffset now)
    {
        var category = _categories.SingleOrDefault(c => c.Id == categoryId);
        if (category is null)
        {
            return null;
        }

        category.Change(settings, now);
        Changed(now);
        CheckRule(new CategoryNameMustBeUniqueRule(_categories));
        return category;
    }

    /// <returns>Whether the guild had a category with that id.</returns>
    public bool RemoveCategory(Guid categoryId, DateTimeOffset now)
    {
        var category = _categories.SingleOrDefault(c => c.Id == categoryId);
        if (category is null)
        {
            return false;
        }

        CheckRule(new CategoryInUseByPanelRule(category, _panels));
        _categories.Remove(category);
        Changed(now);
        return true;
    }

    public Panel AddPanel(PanelContent content, DateTimeOffset now)
    {
        CheckRule(new PanelCategoriesMustBelongToGuildRule(content.CategoryIds, _categories));
        var panel = new Panel(Guid.CreateVersion7(now), GuildId, now);
        panel.Change(content, now);
        _panels.Add(panel);
        Changed(now);
        CheckRule(new PanelLimitRule(_panels.Count));
        return panel;
    }

    /// <returns>The changed panel, or null when the guild has no panel with that id.</returns>
    public Panel? UpdatePanel(Guid panelId, PanelContent content, DateTimeOffset now)
    {
        var panel = _panels.SingleOrDefault(p => p.Id == panelId);
        if (panel is null)
        {
            return null;
        }

        CheckRule(new PanelCategoriesMustBelongToGuildRule(content.CategoryIds, _categories));
        panel.Change(content, now);
        Changed(now);
        return panel;
    }

    /// <returns>Whether the guild had a panel with that id.</returns>
    public bool RemovePanel(Guid panelId, DateTimeOffset now)
    {
        var panel = _panels.SingleOrDefault(p => p.Id == panelId);
        if (panel is null)
        {
            return false;
        }

        _panels.Remove(panel);
        Changed(now);
        return true;
    }

    public void ChangeSettings(GuildSettings settings, DateTimeOffset now)
    {
        Language = settings.Language;
        DevMode = settings.DevMode;
        DeveloperUserIds = [.. settings.DeveloperUserIds];
        Changed(now);
    }

    private void Changed(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
