using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;

namespace TicketSaas.BuildingBlocks.Infrastructure.Persistence;

public static class ModuleHealthChecks
{
    public const string ReadyTag = "ready";

    /// <summary>One readiness check per enabled module that has a database, named after the module.</summary>
    public static IHealthChecksBuilder AddModuleDatabaseChecks(this IHealthChecksBuilder builder, ModuleCatalog catalog)
    {
        var withDatabase = builder.Services
            .Where(d => d.IsKeyedService && d.ServiceType == typeof(ModuleDbContext))
            .Select(d => d.ServiceKey as string)
            .ToHashSet();
        foreach (var module in catalog.Enabled.Where(m => withDatabase.Contains(m.Key)))
        {
            builder.Add(new HealthCheckRegistration(
                module.Key,
                provider => new ModuleDatabaseHealthCheck(provider.GetRequiredService<IServiceScopeFactory>(), module.Key),
                HealthStatus.Unhealthy,
                [ReadyTag],
                TimeSpan.FromSeconds(5)));
        }

        return builder;
    }
}
