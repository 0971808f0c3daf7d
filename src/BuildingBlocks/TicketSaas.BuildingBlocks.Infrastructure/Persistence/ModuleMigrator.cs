using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;

namespace TicketSaas.BuildingBlocks.Infrastructure.Persistence;

/// <summary>Applies each enabled module's own migrations, one module after another, at start-up or by the migrate command.</summary>
public sealed class ModuleMigrator(IServiceScopeFactory scopes, ModuleCatalog catalog, ILogger<ModuleMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        foreach (var module in catalog.Enabled)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetKeyedService<ModuleDbContext>(module.Key);
            if (db is null)
            {
                continue;
            }

            await PrepareSqliteFileAsync(db, cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Module {Module}: {Count} migration(s) applied", module.Key, pending.Count);
        }
    }

    /// <summary>Creates the folder of a SQLite file and switches it to WAL so both hosts can share it.</summary>
    private static async Task PrepareSqliteFileAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return;
        }

        var file = ModuleDatabaseOptions.SqliteFile(db.Database.GetConnectionString()!);
        if (file is null)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
