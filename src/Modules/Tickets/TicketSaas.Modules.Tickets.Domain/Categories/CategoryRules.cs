using TicketSaas.BuildingBlocks.Domain;
using TicketSaas.Modules.Tickets.Domain.Panels;

namespace TicketSaas.Modules.Tickets.Domain.Categories;

public sealed class CategoryLimitRule(int count) : IBusinessRule
{
    public string Code => "tickets.category-limit";

    public string Message => $"A guild can have at most {TicketGuild.MaxCategories} categories.";

    public bool IsBroken() => count > TicketGuild.MaxCategories;
}

public sealed class CategoryNameMustBeUniqueRule(IReadOnlyList<Category> categories) : IBusinessRule
{
    public string Code => "tickets.category-name-taken";

    public string Message => "Another category of this guild already has that name.";

    public bool IsBroken() =>
        categories.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1);
}

public sealed class CategoryInUseByPanelRule(Category category, IReadOnlyList<Panel> panels) : IBusinessRule
{
    public string Code => "tickets.category-in-use";

    public string Message =>
        $"Category '{category.Name}' is still offered by panel(s) {string.Join(", ", UsedBy().Select(p => $"'{p.Title}'"))}; remove it from them first.";

    public bool IsBroken() => UsedBy().Any();

    private IEnumerable<Panel> UsedBy() => panels.Where(p => p.CategoryIds.Contains(category.Id));
}
