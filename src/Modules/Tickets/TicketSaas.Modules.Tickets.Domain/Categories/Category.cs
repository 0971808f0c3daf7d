using TicketSaas.BuildingBlocks.Domain;

namespace TicketSaas.Modules.Tickets.Domain.Categories;

/// <summary>A kind of ticket a member can open: its name and how its threads are named.</summary>
public sealed class Category : Entity
{
    internal Category(Guid id, ulong guildId, string name, string namingScheme, DateTimeOffset createdAt)
    {
        Id = id;
        GuildId = guildId;
        Name = name;
        NamingScheme = namingScheme;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public ulong GuildId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Thread name template, e.g. <c>{category}-{number:0000}</c>; see <see cref="ThreadNamingScheme"/>.</summary>
    public string NamingScheme { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
