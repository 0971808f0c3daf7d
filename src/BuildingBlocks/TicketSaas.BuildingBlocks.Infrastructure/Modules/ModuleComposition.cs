using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TicketSaas.BuildingBlocks.Infrastructure.Messaging;
using TicketSaas.BuildingBlocks.Application.Behaviors;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;

namespace TicketSaas.BuildingBlocks.Infrastructure.Modules;

public static class ModuleComposition
{
    /// <summary>
    /// Registers the enabled modules (<c>Modules:&lt;Key&gt;:Enabled</c>, on by default), the MediatR 5 pipeline
    /// and the persistence they share. The first behaviour registered is the outermost.
    /// </summary>
    public static ModuleCatalog AddModules(this IHostApplicationBuilder builder, IEnumerable<IModule> modules)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var enabled = modules.Where(m => configuration.GetValue($"Modules:{m.Key}:Enabled", true)).ToList();
        var catalog = new ModuleCatalog(enabled);
        services.AddSingleton(catalog);
        services.AddSingleton<TimeProvider, MicrosecondTimeProvider>();

        var assemblies = enabled.SelectMany(m => m.Assemblies).Distinct().ToArray();
        services.AddScoped<ServiceFactory>(provider => provider.GetService);
        services.AddScoped<IMediator, Mediator>();
        services.Scan(scan => scan.FromAssemblies(assemblies)
            .AddClasses(c => c.AssignableToAny(typeof(IRequestHandler<,>), typeof(INotificationHandler<>)), publicOnly: false)
            .AsImplementedInterfaces()
            .WithScopedLifetime());
        services.AddValidatorsFromAssemblies(assemblies, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehavior<,>));

        services.AddModulePersistence(configuration);
        builder.AddIntegrationEvents(catalog);
        foreach (var module in enabled)
        {
            module.AddServices(services, configuration);
        }

        return catalog;
    }

    public static void MapModuleEndpoints(this IEndpointRouteBuilder api, ModuleCatalog catalog)
    {
        foreach (var module in catalog.Enabled)
        {
            module.MapEndpoints(api);
        }
    }
}
