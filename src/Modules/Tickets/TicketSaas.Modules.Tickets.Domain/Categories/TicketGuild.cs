using TicketSaas.BuildingBlocks.Domain;

namespace TicketSaas.Modules.Tickets.Domain.Categories;

/// <summary>A guild's ticket configuration: the aggregate that guards its categories.</summary>
public sealed class TicketGuild : Entity
{
    public const int MaxCategories = 50;

    private readonly List<Category> _categories = [];

    private TicketGuild(ulong guildId, DateTimeOffset updatedAt)
    {
        GuildId = guildId;
        UpdatedAt = updatedAt;
    }

    public ulong GuildId { get; private set; }

    /// <summary>Raised on every configuration change; also the optimistic-concurrency token.</summary>
    public int Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<Category> Categories => _categories;

    public static TicketGuild Create(ulong guildId, DateTimeOffset now) => new(guildId, now);

    public Category AddCategory(string name, string namingScheme, DateTimeOffset now)
    {
        var category = new Category(Guid.CreateVersion7(now), GuildId, name.Trim(), namingScheme, now);
        _categories.Add(category);
        Version++;
        UpdatedAt = now;
        CheckRule(new CategoryLimitRule(_categories.Count));
        CheckRule(new CategoryNameMustBeUniqueRule(_categories));
        return category;
    }
}
