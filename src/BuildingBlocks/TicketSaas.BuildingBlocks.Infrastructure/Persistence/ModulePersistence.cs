using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TicketSaas.BuildingBlocks.Infrastructure.Persistence;

public static class ModulePersistence
{
    internal static void AddModulePersistence(this IServiceCollection services, IConfiguration configuration)
    {
        // Fail at start-up, not on the first request, when the provider setting is wrong.
        _ = ModuleDatabaseOptions.Provider(configuration);
        services.AddSingleton<ModuleMigrator>();
    }

    /// <summary>
    /// Registers a module's context: <typeparamref name="TContext"/> on MySQL, <typeparamref name="TSqliteContext"/>
    /// (resolved as <typeparamref name="TContext"/>) on SQLite, and both as the module's keyed <see cref="ModuleDbContext"/>
    /// for the unit of work, migrations and health checks.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqliteContext>(
        this IServiceCollection services, IConfiguration configuration, string moduleKey)
        where TContext : ModuleDbContext
        where TSqliteContext : TContext
    {
        var connectionString = ModuleDatabaseOptions.ConnectionString(configuration, moduleKey);
        if (ModuleDatabaseOptions.Provider(configuration) == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<TContext, TSqliteContext>(options =>
                ModuleDatabaseOptions.UseSqlite(options, connectionString, moduleKey));
        }
        else
        {
            var serverVersion = ModuleDatabaseOptions.ServerVersionOf(configuration);
            services.AddDbContext<TContext>(options =>
                ModuleDatabaseOptions.UseMySql(options, connectionString, serverVersion, moduleKey));
        }

        services.AddKeyedScoped<ModuleDbContext>(moduleKey, (provider, _) => provider.GetRequiredService<TContext>());
        return services;
    }
}
