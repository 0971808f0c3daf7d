using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;

// A clean neighbour module for the isolation rules. Its name starts with "Planted", so a plain prefix match on
// TicketSaas.Modules.Planted would wrongly pull its types into the Planted module's rules.
namespace TicketSaas.Modules.PlantedExtras
{
    public sealed class PlantedExtrasModule : IModule
    {
        public string Key => "plantedextras";

        public IReadOnlyList<Assembly> Assemblies { get; } = [typeof(PlantedExtrasModule).Assembly];

        public void AddServices(IServiceCollection services, IConfiguration configuration)
        {
        }

        public void MapEndpoints(IEndpointRouteBuilder api)
        {
        }
    }
}

namespace TicketSaas.Modules.PlantedExtras.Features
{
    /// <summary>Would break the Planted module's encapsulation rule if that rule selected by prefix.</summary>
    public sealed class PlantedExtrasHelper
    {
        public static string Describe() => "extras";
    }
}

namespace TicketSaas.Modules.PlantedExtras.Domain
{
    public sealed class PlantedExtrasItem
    {
        public string Name { get; init; } = string.Empty;
    }
}

namespace TicketSaas.Modules.PlantedExtras.Contracts
{
    public sealed record PlantedExtrasOpenedIntegrationEvent(Guid Id, DateTimeOffset OccurredAt) : IIntegrationEvent;

    /// <summary>A contract type other modules must not use: it is not an integration event.</summary>
    public sealed record PlantedExtrasLookupCode(string Value);
}
