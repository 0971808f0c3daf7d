using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;

namespace TicketSaas.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Claims due deliveries for one relay so several relays (both hosts, several instances) never run the same delivery
/// at once: <c>FOR UPDATE SKIP LOCKED</c> on MySQL/MariaDB, an immediate (write-locking) transaction on SQLite; then a
/// lease, so a relay that dies releases its claims when the lease runs out.
/// </summary>
internal static class DeliveryClaims
{
    public static async Task<IReadOnlyList<long>> ClaimAsync(
        ModuleDbContext db, string owner, DateTimeOffset now, TimeSpan lease, int batchSize, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = db.Database.IsMySql()
            ? await LockDueOnMySqlAsync(db, now, batchSize, cancellationToken)
            : await db.OutboxDeliveries
                .Where(d => d.DeliveredAt == null && d.DeadAt == null && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
                .OrderBy(d => d.NextAttemptAt)
                .Select(d => d.Id)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
        if (ids.Count > 0)
        {
            var until = now + lease;
            await db.OutboxDeliveries.Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(
                set => set.SetProperty(d => d.LeaseOwner, owner).SetProperty(d => d.LeaseUntil, until), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    private static Task<List<long>> LockDueOnMySqlAsync(ModuleDbContext db, DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        // Only the model's own table name and a number are spliced in; the time travels as a parameter.
        var table = db.Model.FindEntityType(typeof(OutboxDelivery))!.GetTableName();
        var sql = $$"""
                SELECT id AS Value FROM `{{table}}`
                WHERE delivered_at IS NULL AND dead_at IS NULL AND next_attempt_at <= {0}
                  AND (lease_until IS NULL OR lease_until < {0})
                ORDER BY next_attempt_at
                LIMIT {{batchSize}}
                FOR UPDATE SKIP LOCKED
                """;
        return db.Database.SqlQueryRaw<long>(sql, now.UtcDateTime).ToListAsync(cancellationToken);
    }
}
