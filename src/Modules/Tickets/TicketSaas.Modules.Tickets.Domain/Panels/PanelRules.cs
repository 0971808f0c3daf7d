using TicketSaas.BuildingBlocks.Domain;
using TicketSaas.Modules.Tickets.Domain.Categories;

namespace TicketSaas.Modules.Tickets.Domain.Panels;

public sealed class PanelLimitRule(int count) : IBusinessRule
{
    public string Code => "tickets.panel-limit";

    public string Message => $"A guild can have at most {TicketGuild.MaxPanels} panels.";

    public bool IsBroken() => count > TicketGuild.MaxPanels;
}

/// <summary>A panel offers only its own guild's categories; an id from another guild is as unknown as a made-up one.</summary>
public sealed class PanelCategoriesMustBelongToGuildRule(IReadOnlyList<Guid> categoryIds, IReadOnlyList<Category> guildCategories) : IBusinessRule
{
    public string Code => "tickets.panel-category-unknown";

    public string Message =>
        $"This guild has no category {string.Join(", ", Unknown())}; a panel can only offer the guild's own categories.";

    public bool IsBroken() => Unknown().Any();

    private IEnumerable<Guid> Unknown() => categoryIds.Where(id => guildCategories.All(c => c.Id != id));
}
