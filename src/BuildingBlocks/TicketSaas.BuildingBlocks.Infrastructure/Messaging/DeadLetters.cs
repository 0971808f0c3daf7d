using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;

namespace TicketSaas.BuildingBlocks.Infrastructure.Messaging;

public sealed record DeadLetter(
    string Module, long DeliveryId, Guid EventId, string EventName, string Consumer, int Attempts, string? LastError, DateTimeOffset DeadAt);

/// <summary>One page of dead letters, ordered by module then delivery id.</summary>
public sealed record DeadLetterPage(IReadOnlyList<DeadLetter> Items, int Page, int PageSize, int Total);

/// <summary>Deliveries still to make in one module for one event type, and how long the oldest has waited.</summary>
public sealed record OutboxBacklogEntry(string Module, string EventName, int Pending, DateTimeOffset OldestOccurredAt);

/// <summary>What the relays still have to deliver, and how many deliveries are dead.</summary>
public sealed record OutboxBacklog(int Pending, double? OldestAgeSeconds, int Dead, IReadOnlyList<OutboxBacklogEntry> ByEventType);

/// <summary>Deliveries that used up their attempts, across every module, and the operator's way to send them again.</summary>
public sealed class DeadLetters(IServiceScopeFactory scopes, ModuleCatalog catalog, TimeProvider clock, OutboxSignal relaySignal)
{
    public const int MaxPageSize = 200;

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken cancellationToken)
    {
        var all = new List<DeadLetter>();
        await ForEachModuleAsync(async (module, db) => all.AddRange(await DeadIn(module, db).ToListAsync(cancellationToken)));
        return all;
    }

    /// <param name="page">From 1.</param>
    public async Task<DeadLetterPage> PageAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var items = new List<DeadLetter>();
        var total = 0;
        var skip = (page - 1) * pageSize;
        await ForEachModuleAsync(async (module, db) =>
        {
            var count = await db.OutboxDeliveries.CountAsync(d => d.DeadAt != null, cancellationToken);
            total += count;
            if (skip >= count)
            {
                skip -= count;
                return;
            }

            if (items.Count < pageSize)
            {
                items.AddRange(await DeadIn(module, db).Skip(skip).Take(pageSize - items.Count).ToListAsync(cancellationToken));
            }

            skip = 0;
        });
        return new DeadLetterPage(items, page, pageSize, total);
    }

    /// <summary>Gives a dead delivery a fresh set of attempts, due now.</summary>
    public async Task RetryAsync(string module, long deliveryId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = catalog.Enabled.Any(m => m.Key == module)
            ? scope.ServiceProvider.GetKeyedService<ModuleDbContext>(module)
            : null;
        if (db is null)
        {
            throw new NotFoundException("Module", module);
        }

        var now = clock.GetUtcNow();
        var updated = await db.OutboxDeliveries.Where(d => d.Id == deliveryId && d.DeadAt != null).ExecuteUpdateAsync(set => set
            .SetProperty(d => d.DeadAt, (DateTimeOffset?)null)
            .SetProperty(d => d.Attempts, 0)
            .SetProperty(d => d.NextAttemptAt, now), cancellationToken);
        if (updated == 0)
        {
            throw new NotFoundException("Dead letter", $"{module}/{deliveryId}");
        }

        relaySignal.Notify();
    }

    public async Task<int> RetryAllAsync(CancellationToken cancellationToken)
    {
        var dead = await ListAsync(cancellationToken);
        foreach (var letter in dead)
        {
            await RetryAsync(letter.Module, letter.DeliveryId, cancellationToken);
        }

        return dead.Count;
    }

    /// <summary>Deliveries not yet delivered nor dead, across every module: zero once everything has settled.</summary>
    public async Task<int> PendingAsync(CancellationToken cancellationToken)
    {
        var pending = 0;
        await ForEachModuleAsync(async (_, db) => pending += await Pending(db).CountAsync(cancellationToken));
        return pending;
    }

    public async Task<OutboxBacklog> BacklogAsync(CancellationToken cancellationToken)
    {
        var entries = new List<OutboxBacklogEntry>();
        var dead = 0;
        await ForEachModuleAsync(async (module, db) =>
        {
            entries.AddRange(await Pending(db)
                .Join(db.OutboxMessages, d => d.MessageId, m => m.Id, (d, m) => m)
                .GroupBy(m => m.Name)
                .Select(g => new OutboxBacklogEntry(module, g.Key, g.Count(), g.Min(m => m.OccurredAt)))
                .ToListAsync(cancellationToken));
            dead += await db.OutboxDeliveries.CountAsync(d => d.DeadAt != null, cancellationToken);
        });
        var oldest = entries.Count == 0 ? (DateTimeOffset?)null : entries.Min(e => e.OldestOccurredAt);
        return new OutboxBacklog(
            entries.Sum(e => e.Pending),
            oldest is { } at ? Math.Max(0, (clock.GetUtcNow() - at).TotalSeconds) : null,
            dead,
            [.. entries.OrderByDescending(e => e.Pending).ThenBy(e => e.Module, StringComparer.Ordinal).ThenBy(e => e.EventName, StringComparer.Ordinal)]);
    }

    private static IQueryable<OutboxDelivery> Pending(ModuleDbContext db) =>
        db.OutboxDeliveries.Where(d => d.DeliveredAt == null && d.DeadAt == null);

    private static IQueryable<DeadLetter> DeadIn(string module, ModuleDbContext db) => db.OutboxDeliveries.AsNoTracking()
        .Where(d => d.DeadAt != null)
        .Join(db.OutboxMessages, d => d.MessageId, m => m.Id, (d, m) => new { d, m.Name })
        .OrderBy(x => x.d.Id)
        .Select(x => new DeadLetter(module, x.d.Id, x.d.MessageId, x.Name, x.d.Consumer, x.d.Attempts, x.d.LastError, x.d.DeadAt!.Value));

    /// <summary>Every enabled module with a database, one scope each, in key order so that pages are stable.</summary>
    private async Task ForEachModuleAsync(Func<string, ModuleDbContext, Task> action)
    {
        foreach (var module in catalog.Enabled.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            await using var scope = scopes.CreateAsyncScope();
            if (scope.ServiceProvider.GetKeyedService<ModuleDbContext>(module.Key) is { } db)
            {
                await action(module.Key, db);
            }
        }
    }
}
