using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TicketSaas.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> build a module's context without a server: migrations come from the same options the
/// runtime uses (history table, provider, MariaDB 10.11 server version).
/// </summary>
public abstract class DesignTimeFactory<TContext>(string moduleKey, DatabaseProvider provider) : IDesignTimeDbContextFactory<TContext>
    where TContext : ModuleDbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        if (provider == DatabaseProvider.Sqlite)
        {
            ModuleDatabaseOptions.UseSqlite(builder, ModuleDatabaseOptions.DefaultSqliteConnection, moduleKey);
        }
        else
        {
            ModuleDatabaseOptions.UseMySql(builder, "Server=localhost;Database=design_time", ModuleDatabaseOptions.DefaultServerVersion, moduleKey);
        }

        return (TContext)Activator.CreateInstance(typeof(TContext), builder.Options)!;
    }
}
