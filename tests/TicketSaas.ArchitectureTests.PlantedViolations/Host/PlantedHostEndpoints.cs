using TicketSaas.Modules.Planted.Features.Plant;
using TicketSaas.Modules.PlantedExtras;

// A host folder for the Planted module, as TicketSaas.Host.Api would have it.
namespace TicketSaas.Host.Api.Modules.Planted;

/// <summary>Lets the tests name this namespace without a string.</summary>
public static class PlantedHostMarker
{
    public static PlantCommand Plant(string name) => new(name);
}

internal static class PlantedHostEndpoints
{
    public static PlantCommand Plant(string name) => new(name);
}

/// <summary>Host module isolation: the Planted host folder uses another module.</summary>
internal static class PlantedHostLeak
{
    public static string NeighbourKey() => new PlantedExtrasModule().Key;
}
