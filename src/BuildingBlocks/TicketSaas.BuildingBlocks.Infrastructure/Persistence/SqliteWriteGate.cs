using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TicketSaas.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Lets this process's writers take turns at a SQLite file in a queue instead of in SQLite's busy handler. SQLite admits
/// one writer at a time; a writer that finds the file locked sleeps inside <c>sqlite3_step</c>, backing off to 10–100 ms,
/// on a thread-pool thread it blocks meanwhile. Under many short writers that stalled every other request behind a few
/// sleeping threads. Here a writer waits asynchronously for the one before it, from the start of its transaction (or
/// of a lone write) until its end; writers of other processes still meet SQLite's busy timeout.
/// </summary>
internal sealed class SqliteWriteGate : DbConnectionInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    /// <summary>As long as SQLite's busy timeout: past it the writer goes on and lets SQLite decide.</summary>
    private static readonly TimeSpan MostWait = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _files = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<DbConnection, Turn> _turns = [];

    public InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection, TurnKind.Transaction, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        await Enter(connection, TurnKind.Transaction, cancellationToken);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => LeaveTransaction(eventData);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        LeaveTransaction(eventData);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => LeaveTransaction(eventData);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        LeaveTransaction(eventData);

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => LeaveTransaction(eventData);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        LeaveTransaction(eventData);

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        EnterIfLoneWrite(command, result);

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        EnterIfLoneWriteAsync(command, result, cancellationToken);

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LeaveCommand(command.Connection);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LeaveCommand(command.Connection);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        EnterIfLoneWrite(command, result);

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        EnterIfLoneWriteAsync(command, result, cancellationToken);

    /// <summary>A write that returns rows (<c>INSERT … RETURNING</c>) holds the lock until its reader is done.</summary>
    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        LeaveCommand(command.Connection);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveCommand(command.Connection);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveCommand(command.Connection);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => LeaveCommand(command.Connection);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveCommand(command.Connection);
        return Task.CompletedTask;
    }

    /// <summary>A transaction disposed without commit or rollback ends no other way that is intercepted.</summary>
    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return ValueTask.FromResult(result);
    }

    /// <summary>Outside a transaction, anything but a query writes; inside one, the transaction already holds the turn.</summary>
    private static bool IsLoneWrite(DbCommand command) =>
        command.Transaction is null && command.Connection is not null
        && !command.CommandText.AsSpan().TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);

    private TResult EnterIfLoneWrite<TResult>(DbCommand command, TResult result)
    {
        if (IsLoneWrite(command))
        {
            Enter(command.Connection!, TurnKind.Command, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    private async ValueTask<TResult> EnterIfLoneWriteAsync<TResult>(DbCommand command, TResult result, CancellationToken cancellationToken)
    {
        if (IsLoneWrite(command))
        {
            await Enter(command.Connection!, TurnKind.Command, cancellationToken);
        }

        return result;
    }

    private async Task Enter(DbConnection connection, TurnKind kind, CancellationToken cancellationToken)
    {
        var gate = _files.GetOrAdd(connection.DataSource, _ => new SemaphoreSlim(1, 1));
        var entered = await gate.WaitAsync(MostWait, cancellationToken);
        _turns.AddOrUpdate(connection, new Turn(entered ? gate : null, kind));
    }

    private void LeaveCommand(DbConnection? connection)
    {
        if (connection is not null && _turns.TryGetValue(connection, out var turn) && turn.Kind == TurnKind.Command)
        {
            Leave(connection);
        }
    }

    /// <summary>A finished transaction no longer knows its connection; its context still does.</summary>
    private Task LeaveTransaction(DbContextEventData eventData) =>
        eventData.Context is { } context ? Leave(context.Database.GetDbConnection()) : Task.CompletedTask;

    private Task Leave(DbConnection connection)
    {
        if (_turns.TryGetValue(connection, out var turn) && _turns.Remove(connection))
        {
            turn.Gate?.Release();
        }

        return Task.CompletedTask;
    }

    private enum TurnKind
    {
        Transaction,
        Command,
    }

    private sealed record Turn(SemaphoreSlim? Gate, TurnKind Kind);
}
