using System.Data.Common;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Xunit;

namespace TicketSaas.Testing;

public enum DatabaseKind
{
    Sqlite,
    MariaDb,
}

/// <summary>
/// A fresh, empty database for one test class: a SQLite file in a temporary folder, or a new database on the
/// MariaDB server named by TICKETSAAS_TEST_MYSQL (scripts/test.sh starts a private one). Without that variable
/// MariaDB tests fail under CI and are skipped elsewhere, saying why.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string MySqlVariable = "TICKETSAAS_TEST_MYSQL";

    private readonly string? _folder;
    private readonly string? _serverConnection;
    private readonly string? _databaseName;

    private TestDatabase(DatabaseKind kind, string connectionString, string? folder, string? serverConnection, string? databaseName)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _folder = folder;
        _serverConnection = serverConnection;
        _databaseName = databaseName;
    }

    public DatabaseKind Kind { get; }

    public string ConnectionString { get; }

    public string Provider => Kind == DatabaseKind.Sqlite ? "Sqlite" : "MySql";

    /// <summary>Configuration that points every module of a host at this database.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Database:Provider"] = Provider,
        ["ConnectionStrings:Default"] = ConnectionString,
    };

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind)
    {
        if (kind == DatabaseKind.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("ticketsaas-test-").FullName;
            return new TestDatabase(kind, $"Data Source={Path.Combine(folder, "ticketsaas.db")}", folder, null, null);
        }

        var server = MariaDbServerConnection();
        var name = $"ts_test_{Guid.NewGuid():N}"[..24];
        await ExecuteAsync(server, $"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        var connection = new MySqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(kind, connection, null, server, name);
    }

    public static string MariaDbServerConnection()
    {
        var server = Environment.GetEnvironmentVariable(MySqlVariable);
        if (!string.IsNullOrWhiteSpace(server))
        {
            return server;
        }

        const string reason = $"{MySqlVariable} is not set: run scripts/test.sh, which starts a private MariaDB, or point it at a server.";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            throw new InvalidOperationException(reason);
        }

        throw new SkipException(reason);
    }

    /// <summary>Runs a scalar query straight against the database, bypassing the application.</summary>
    public async Task<long> ScalarAsync(string sql) =>
        Convert.ToInt64(await QueryScalarAsync(sql), System.Globalization.CultureInfo.InvariantCulture);

    public async Task<string> ScalarTextAsync(string sql) =>
        Convert.ToString(await QueryScalarAsync(sql), System.Globalization.CultureInfo.InvariantCulture)
        ?? throw new InvalidOperationException($"No value for: {sql}");

    /// <summary>The first column of every row, as text.</summary>
    public async Task<IReadOnlyList<string>> ColumnAsync(string sql)
    {
        await using DbConnection connection = Kind == DatabaseKind.Sqlite
            ? new SqliteConnection(ConnectionString)
            : new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }

        return values;
    }

    /// <summary>
    /// Every row of every table (every module's, migrations' history included), hashed per table: two equal maps mean
    /// nothing was written in between.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ChecksumsAsync()
    {
        var tables = await ColumnAsync(Kind == DatabaseKind.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()");
        await using DbConnection connection = Kind == DatabaseKind.Sqlite
            ? new SqliteConnection(ConnectionString)
            : new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        var checksums = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Kind == DatabaseKind.Sqlite ? $"SELECT * FROM \"{table}\"" : $"SELECT * FROM `{table}`";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "\u2400" : reader.GetValue(i) switch
                {
                    byte[] bytes => Convert.ToHexString(bytes),
                    var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                })));
            }

            rows.Sort(StringComparer.Ordinal);
            checksums[table] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', rows))));
        }

        return checksums;
    }

    private async Task<object?> QueryScalarAsync(string sql)
    {
        await using DbConnection connection = Kind == DatabaseKind.Sqlite
            ? new SqliteConnection(ConnectionString)
            : new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }

        if (_serverConnection is not null)
        {
            await ExecuteAsync(_serverConnection, $"DROP DATABASE IF EXISTS `{_databaseName}`");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
