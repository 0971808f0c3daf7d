using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace TicketSaas.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// How a module reaches its database: <c>Database:Provider</c> (Sqlite by default, or MySql), the module's own
/// connection string <c>ConnectionStrings:&lt;key&gt;</c> falling back to <c>ConnectionStrings:Default</c>.
/// Runtime and design time configure contexts through the same methods, so migrations match what runs.
/// </summary>
public static class ModuleDatabaseOptions
{
    public const string DefaultSqliteConnection = "Data Source=data/ticketsaas.db";

    /// <summary>MariaDB 10.11, the server we test on; override with <c>Database:ServerVersion</c> (e.g. "8.0.36-mysql").</summary>
    public static readonly ServerVersion DefaultServerVersion = new MariaDbServerVersion(new Version(10, 11));

    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException(
                $"Database:Provider is '{value}'; use 'Sqlite' or 'MySql'.");
    }

    public static string ConnectionString(IConfiguration configuration, string moduleKey)
    {
        var connection = configuration.GetConnectionString(moduleKey) ?? configuration.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(connection))
        {
            return connection;
        }

        return Provider(configuration) == DatabaseProvider.Sqlite
            ? DefaultSqliteConnection
            : throw new InvalidOperationException(
                $"Database:Provider is MySql but neither ConnectionStrings:{moduleKey} nor ConnectionStrings:Default is set.");
    }

    public static ServerVersion ServerVersionOf(IConfiguration configuration) =>
        configuration["Database:ServerVersion"] is { Length: > 0 } version ? ServerVersion.Parse(version) : DefaultServerVersion;

    public static string HistoryTable(string moduleKey) => $"{moduleKey}_ef_migrations_history";

    public static void UseSqlite(DbContextOptionsBuilder builder, string connectionString, string moduleKey) =>
        builder
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(HistoryTable(moduleKey)))
            .AddInterceptors(SqlitePragmas.Instance, SqliteWriteGate.Instance)
            .ConfigureWarnings(w => w.Throw(SqliteEventId.SchemaConfiguredWarning));

    public static void UseMySql(DbContextOptionsBuilder builder, string connectionString, ServerVersion serverVersion, string moduleKey) =>
        builder.UseMySql(connectionString, serverVersion, mysql => mysql.MigrationsHistoryTable(HistoryTable(moduleKey)));

    /// <summary>The file a SQLite connection string points at, or null for in-memory databases.</summary>
    public static string? SqliteFile(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" ? null : Path.GetFullPath(dataSource);
    }
}
