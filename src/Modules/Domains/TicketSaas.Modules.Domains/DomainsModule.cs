using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;
using TicketSaas.Modules.Domains.Features.AddCustomDomain;
using TicketSaas.Modules.Domains.Features.GetCustomDomains;
using TicketSaas.Modules.Domains.Persistence;

namespace TicketSaas.Modules.Domains;

/// <summary>Custom domains for the transcript viewer and their verification.</summary>
public sealed class DomainsModule : IModule
{
    public const string ModuleKey = "domains";

    public string Key => ModuleKey;

    public IReadOnlyList<Assembly> Assemblies { get; } = [typeof(DomainsModule).Assembly];

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<DomainsDbContext, DomainsSqliteDbContext>(configuration, ModuleKey);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var domains = api.MapGroup("/guilds/{guildId}/domains").WithTags("Domains");
        AddCustomDomainEndpoint.Map(domains);
        GetCustomDomainsEndpoint.Map(domains);
    }
}
