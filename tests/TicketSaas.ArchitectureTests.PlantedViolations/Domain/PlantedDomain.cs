using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Discord;
using TicketSaas.BuildingBlocks.Domain;
using TicketSaas.Modules.PlantedExtras.Domain;

namespace TicketSaas.Modules.Planted.Domain;

public sealed class PlantedItem : Entity
{
    public PlantedItem(string name) => Name = name;

    public string Name { get; private set; }

    public void Rename(string name, int renamesThisMonth)
    {
        CheckRule(new PlantedRenameLimitRule(renamesThisMonth));
        CheckRule(new PlantedLimit(renamesThisMonth));
        Name = name;
    }
}

public sealed class PlantedRenameLimitRule(int renames) : IBusinessRule
{
    public string Code => "planted.rename-limit";

    public string Message => "Too many renames.";

    public bool IsBroken() => renames > 3;
}

/// <summary>Naming: a business rule without the Rule suffix.</summary>
public sealed class PlantedLimit(int count) : IBusinessRule
{
    public string Code => "planted.limit";

    public string Message => "Over the limit.";

    public bool IsBroken() => count > 10;
}

/// <summary>Domain purity: EF Core in the domain.</summary>
[Keyless]
public sealed class DomainUsingEfCore
{
    public string? Name { get; init; }
}

/// <summary>Domain purity: the domain reaches up into its own module's main namespace.</summary>
public sealed class DomainUsingModuleMain
{
    public string ModuleKey { get; } = new PlantedModule().Key;
}

/// <summary>Module isolation: the domain uses another module's domain.</summary>
public sealed class DomainUsingNeighbourDomain(PlantedExtrasItem item)
{
    public PlantedExtrasItem Item { get; } = item;
}

/// <summary>Discord adapter access: only module infrastructure may use the adapter.</summary>
public sealed class DomainTalkingToDiscord(DiscordAdapterStandIn discord)
{
    public Task AnnounceAsync() => discord.SendAsync("planted");
}
