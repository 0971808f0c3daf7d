using TicketSaas.BuildingBlocks.Domain;

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
