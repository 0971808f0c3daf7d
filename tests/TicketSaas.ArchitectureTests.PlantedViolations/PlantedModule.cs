using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;

namespace TicketSaas.Modules.Planted;

/// <summary>The module the rules are run against; every other type under this namespace is a planted case.</summary>
public sealed class PlantedModule : IModule
{
    public string Key => "planted";

    public IReadOnlyList<Assembly> Assemblies { get; } = [typeof(PlantedModule).Assembly];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}
