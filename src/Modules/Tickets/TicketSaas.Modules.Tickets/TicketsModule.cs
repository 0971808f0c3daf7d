using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;
using TicketSaas.Modules.Tickets.Features.CreateCategory;
using TicketSaas.Modules.Tickets.Features.GetCategories;
using TicketSaas.Modules.Tickets.Persistence;

namespace TicketSaas.Modules.Tickets;

/// <summary>Panels, categories, tickets and their lifecycle.</summary>
public sealed class TicketsModule : IModule
{
    public const string ModuleKey = "tickets";

    public string Key => ModuleKey;

    public IReadOnlyList<Assembly> Assemblies { get; } = [typeof(TicketsModule).Assembly];

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<TicketsDbContext, TicketsSqliteDbContext>(configuration, ModuleKey);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var categories = api.MapGroup("/guilds/{guildId}/categories").WithTags("Tickets: categories");
        CreateCategoryEndpoint.Map(categories);
        GetCategoriesEndpoint.Map(categories);
    }
}
