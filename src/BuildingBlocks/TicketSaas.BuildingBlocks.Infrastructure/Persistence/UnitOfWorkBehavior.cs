using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using TicketSaas.BuildingBlocks.Application.Errors;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.BuildingBlocks.Infrastructure.Auditing;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;

namespace TicketSaas.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Innermost step, commands only: one <c>SaveChanges</c> of the owning module's context after the handler, carrying the
/// handler's changes and the audit entry together. A handler that throws leaves nothing behind.
/// </summary>
public sealed class UnitOfWorkBehavior<TRequest, TResponse>(ModuleCatalog catalog, IServiceProvider services, TimeProvider clock)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (!RequestKind<TRequest>.IsCommand)
        {
            return await next();
        }

        var module = catalog.OwnerOf(typeof(TRequest));
        var db = services.GetKeyedService<ModuleDbContext>(module.Key)
            ?? throw new InvalidOperationException($"Module {module.Key} has commands but no database context.");
        var response = await next();
        if (request is IAuditedCommand audited)
        {
            var caller = services.GetRequiredService<ICallerAccessor>().Caller;
            AuditTrail.Record(db, typeof(TRequest).Name, audited.AuditGuildId, caller.UserId, clock.GetUtcNow());
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (ConflictMessage(exception) is { } message)
        {
            throw new ConflictException(message, exception);
        }

        return response;
    }

    /// <summary>
    /// Lost races are the caller's to retry, not server errors: a stale concurrency token, a unique key someone
    /// else just took, or a deadlock/lock timeout between two writers (which Pomelo wraps in its own exception).
    /// </summary>
    private static string? ConflictMessage(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case DbUpdateConcurrencyException:
                case MySqlException { ErrorCode: MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout }:
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                    return "This was changed by someone else at the same time. Reload and try again.";
                case MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry }:
                case SqliteException { SqliteExtendedErrorCode: SqliteUniqueViolation or SqlitePrimaryKeyViolation }:
                    return "This already exists: someone else created it at the same time.";
            }
        }

        return null;
    }

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteUniqueViolation = 2067;
    private const int SqlitePrimaryKeyViolation = 1555;
}
