using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.BuildingBlocks.Infrastructure.Auditing;
using TicketSaas.BuildingBlocks.Infrastructure.Messaging;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;

namespace TicketSaas.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Innermost step, commands only: one <c>SaveChanges</c> of the owning module's context after the handler, carrying
/// the handler's changes, its outgoing events (audit included) and, for a consumer, its inbox entry. A handler that
/// throws leaves nothing behind.
/// </summary>
public sealed class UnitOfWorkBehavior<TRequest, TResponse>(
    ModuleCatalog catalog, IServiceProvider services, TimeProvider clock, FailPoints failPoints, OutboxSignal relaySignal)
    : IPipelineBehavior<TRequest, TResponse>
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteUniqueViolation = 2067;
    private const int SqlitePrimaryKeyViolation = 1555;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (!RequestKind<TRequest>.IsCommand)
        {
            return await next();
        }

        var module = catalog.OwnerOf(typeof(TRequest));
        var db = services.GetKeyedService<ModuleDbContext>(module.Key)
            ?? throw new InvalidOperationException($"Module {module.Key} has commands but no database context.");
        return request is IConsumeCommand consume
            ? await ConsumeAsync(db, consume, next, cancellationToken)
            : await ExecuteAsync(db, request, next, cancellationToken);
    }

    private async Task<TResponse> ExecuteAsync(ModuleDbContext db, TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var afterCommit = services.GetRequiredService<AfterCommit>();
        afterCommit.Reset();
        var response = await next();
        var outbox = services.GetRequiredService<IntegrationEventOutbox>();
        // A command that changed nothing (every id of a batch refused, say) leaves no audit entry either.
        if (request is IAuditedCommand audited && db.ChangeTracker.HasChanges())
        {
            var caller = services.GetRequiredService<ICallerAccessor>().Caller;
            outbox.Publish(AuditTrail.Describe(db, typeof(TRequest).Name, audited.AuditGuildId, caller.UserId, clock.GetUtcNow()));
        }

        var published = outbox.WriteTo(db);
        await SaveAsync(db, cancellationToken);
        afterCommit.Committed();
        if (published)
        {
            failPoints.Reach(FailPoints.AfterOutboxCommit);
            relaySignal.Notify();
        }

        return response;
    }

    /// <summary>At most one effect per event and consumer, however often the event is delivered.</summary>
    private async Task<TResponse> ConsumeAsync(ModuleDbContext db, IConsumeCommand consume, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        if (await AlreadyConsumedAsync(db, consume, cancellationToken))
        {
            return (TResponse)(object)Unit.Value;
        }

        var response = await next();
        db.InboxMessages.Add(new InboxMessage { MessageId = consume.EventId, Consumer = consume.Consumer, ProcessedAt = clock.GetUtcNow() });
        failPoints.Reach(FailPoints.InsideConsumer, consume.Consumer);
        try
        {
            await SaveAsync(db, cancellationToken);
        }
        catch (ConflictException)
        {
            if (await AlreadyConsumedAsync(db, consume, cancellationToken))
            {
                // Another delivery of the same event committed first: its effect stands, ours is discarded.
                return response;
            }

            throw;
        }

        failPoints.Reach(FailPoints.AfterConsumerCommit, consume.Consumer);
        return response;
    }

    private static async Task<bool> AlreadyConsumedAsync(ModuleDbContext db, IConsumeCommand consume, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.InboxMessages.AnyAsync(i => i.MessageId == consume.EventId && i.Consumer == consume.Consumer, cancellationToken);
    }

    private static async Task SaveAsync(ModuleDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (ConflictMessage(exception) is { } message)
        {
            throw new ConflictException(message, exception);
        }
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
}
