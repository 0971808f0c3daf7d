using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TicketSaas.BuildingBlocks.Infrastructure.Modules;

/// <summary>
/// What a host needs to know about a module. Built-in modules and plugins implement it alike.
/// </summary>
public interface IModule
{
    /// <summary>Short lowercase key: the table prefix, the configuration section and the log scope.</summary>
    string Key { get; }

    /// <summary>The assemblies scanned for the module's handlers and validators.</summary>
    IReadOnlyList<Assembly> Assemblies { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Maps the module's REST endpoints under the versioned API group.</summary>
    void MapEndpoints(IEndpointRouteBuilder api);
}
