using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;

namespace TicketSaas.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Reads every module's outbox from this process's own cursor and hands each new event, once, to this process's
/// <see cref="IProcessWideEventHandler{TEvent}"/>s. Sequence numbers are assigned before commit, so a row may become
/// visible after a higher one: the cursor stays <see cref="CommitGrace"/> behind and events already seen are skipped.
/// </summary>
internal sealed class ProcessWideEventPump(
    IServiceScopeFactory scopes,
    ModuleCatalog catalog,
    IntegrationEventTypes types,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<ProcessWideEventPump> logger) : BackgroundService
{
    private static readonly TimeSpan CommitGrace = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, Cursor> _cursors = [];
    private readonly Dictionary<Type, (Type Service, System.Reflection.MethodInfo Handle)> _handlerShapes = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var module in catalog.Enabled)
        {
            _cursors[module.Key] = new Cursor(await StartingPointAsync(module.Key, stoppingToken));
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var (module, cursor) in _cursors)
            {
                try
                {
                    await PumpAsync(module, cursor, stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(exception, "Reading module {Module}'s events for this process failed; trying again shortly", module);
                }
            }

            try
            {
                await Task.Delay(options.Value.PollInterval / 2, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<long> StartingPointAsync(string module, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetKeyedService<ModuleDbContext>(module);
        return db is null ? long.MaxValue : await db.OutboxMessages.MaxAsync(m => (long?)m.Sequence, cancellationToken) ?? 0;
    }

    private async Task PumpAsync(string module, Cursor cursor, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetKeyedService<ModuleDbContext>(module);
        if (db is null)
        {
            return;
        }

        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Sequence > cursor.Settled)
            .OrderBy(m => m.Sequence)
            .Take(500)
            .ToListAsync(cancellationToken);
        var settledBefore = clock.GetUtcNow() - CommitGrace;
        foreach (var row in rows)
        {
            if (cursor.Seen.Add(row.Sequence) && types.Deserialize(row.Name, row.Payload) is { } integrationEvent)
            {
                await DispatchAsync(scope.ServiceProvider, row.Name, integrationEvent, cancellationToken);
            }

            if (row.OccurredAt < settledBefore && row.Sequence == cursor.Settled + 1)
            {
                cursor.Settle(row.Sequence);
            }
        }
    }

    private async Task DispatchAsync(IServiceProvider services, string name, IIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var (handlerType, handle) = HandlerShapeOf(integrationEvent.GetType());
        var handlers = services.GetServices(handlerType).OfType<object>().ToList();
        foreach (var handler in handlers)
        {
            try
            {
                await (Task)handle.Invoke(handler, [integrationEvent, cancellationToken])!;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Process-wide handler {Handler} failed on {EventName} {EventId}",
                    handler.GetType().Name, name, integrationEvent.Id);
            }
        }

        logger.LogInformation("Process-wide event {EventName} {EventId} handed to {HandlerCount} handler(s)",
            name, integrationEvent.Id, handlers.Count);
    }

    private (Type Service, System.Reflection.MethodInfo Handle) HandlerShapeOf(Type eventType)
    {
        if (!_handlerShapes.TryGetValue(eventType, out var shape))
        {
            var service = typeof(IProcessWideEventHandler<>).MakeGenericType(eventType);
            shape = (service, service.GetMethod(nameof(IProcessWideEventHandler<IIntegrationEvent>.Handle))!);
            _handlerShapes[eventType] = shape;
        }

        return shape;
    }

    /// <summary>Everything up to <see cref="Settled"/> is handled; sequences above it already handled are in <see cref="Seen"/>.</summary>
    private sealed class Cursor(long start)
    {
        public long Settled { get; private set; } = start;

        public HashSet<long> Seen { get; } = [];

        public void Settle(long sequence)
        {
            Settled = sequence;
            Seen.RemoveWhere(s => s <= sequence);
        }
    }
}
