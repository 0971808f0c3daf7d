using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TicketSaas.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Sets every SQLite connection up for many short writers from several processes. Write-ahead logging lets readers go
/// on while one writer writes; a busy timeout makes a writer that finds the database locked wait inside SQLite (which
/// retries within milliseconds) instead of failing to Microsoft.Data.Sqlite, whose own retry sleeps 150 ms at a time;
/// NORMAL synchronisation is durable across process crashes in WAL mode and skips an fsync per commit.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Setup = "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Setup;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Setup;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
