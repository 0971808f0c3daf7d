using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;

namespace TicketSaas.BuildingBlocks.Infrastructure.Messaging;

public sealed record DeadLetter(
    string Module, long DeliveryId, Guid EventId, string EventName, string Consumer, int Attempts, string? LastError, DateTimeOffset DeadAt);

/// <summary>Deliveries that used up their attempts, across every module, and the operator's way to send them again.</summary>
public sealed class DeadLetters(IServiceScopeFactory scopes, ModuleCatalog catalog, TimeProvider clock, OutboxSignal relaySignal)
{
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken cancellationToken)
    {
        var all = new List<DeadLetter>();
        foreach (var module in catalog.Enabled)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (scope.ServiceProvider.GetKeyedService<ModuleDbContext>(module.Key) is not { } db)
            {
                continue;
            }

            all.AddRange(await db.OutboxDeliveries.AsNoTracking()
                .Where(d => d.DeadAt != null)
                .Join(db.OutboxMessages, d => d.MessageId, m => m.Id, (d, m) => new { d, m.Name })
                .OrderBy(x => x.d.Id)
                .Select(x => new DeadLetter(module.Key, x.d.Id, x.d.MessageId, x.Name, x.d.Consumer, x.d.Attempts, x.d.LastError, x.d.DeadAt!.Value))
                .ToListAsync(cancellationToken));
        }

        return all;
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
        foreach (var module in catalog.Enabled)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (scope.ServiceProvider.GetKeyedService<ModuleDbContext>(module.Key) is { } db)
            {
                pending += await db.OutboxDeliveries.CountAsync(d => d.DeliveredAt == null && d.DeadAt == null, cancellationToken);
            }
        }

        return pending;
    }
}
