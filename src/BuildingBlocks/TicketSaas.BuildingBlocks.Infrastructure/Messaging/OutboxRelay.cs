using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;
using Wolverine;

namespace TicketSaas.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Delivers committed outbox events to each of their consumers through Wolverine, one awaited invoke on the consumer's
/// own local queue per delivery, and records the outcome only after the consumer finished. Failures are retried with
/// growing delays and end as dead letters. Every host runs one; claims keep them from doing the same work twice.
/// </summary>
internal sealed class OutboxRelay(
    IServiceScopeFactory scopes,
    ModuleCatalog catalog,
    IntegrationEventTypes types,
    OutboxSignal signal,
    FailPoints failPoints,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly Meter Meter = new("TicketSaas.Outbox");
    private static readonly Counter<long> Delivered = Meter.CreateCounter<long>("ticketsaas.outbox.delivered");
    private static readonly Counter<long> Failed = Meter.CreateCounter<long>("ticketsaas.outbox.failed");
    private static readonly Counter<long> Dead = Meter.CreateCounter<long>("ticketsaas.outbox.dead");

    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly OutboxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var modules = catalog.Enabled.Select(m => m.Key).ToList();
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            foreach (var module in modules)
            {
                try
                {
                    busy |= await RelayBatchAsync(module, stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(exception, "Relaying module {Module}'s outbox failed; trying again shortly", module);
                }
            }

            if (!busy)
            {
                try
                {
                    await signal.WaitAsync(_options.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<bool> RelayBatchAsync(string module, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetKeyedService<ModuleDbContext>(module);
        if (db is null)
        {
            return false;
        }

        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        var claimed = await DeliveryClaims.ClaimAsync(db, _owner, clock.GetUtcNow(), _options.LeaseDuration, _options.BatchSize, cancellationToken);
        foreach (var id in claimed)
        {
            await DeliverAsync(db, bus, id, cancellationToken);
        }

        return claimed.Count > 0;
    }

    private async Task DeliverAsync(ModuleDbContext db, IMessageBus bus, long deliveryId, CancellationToken cancellationToken)
    {
        var delivery = await db.OutboxDeliveries.AsNoTracking().SingleAsync(d => d.Id == deliveryId, cancellationToken);
        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == delivery.MessageId, cancellationToken);
        var integrationEvent = types.Deserialize(message.Name, message.Payload);
        if (integrationEvent is null)
        {
            await FailAsync(db, delivery, $"No enabled module knows the event '{message.Name}'.", giveUp: true, cancellationToken);
            return;
        }

        try
        {
            await bus.EndpointFor(new Uri($"local://{delivery.Consumer}")).InvokeAsync(integrationEvent, cancellationToken, _options.ConsumerTimeout);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            await FailAsync(db, delivery, exception.GetBaseException().Message, giveUp: false, cancellationToken);
            return;
        }

        failPoints.Reach(FailPoints.AfterHandoff, delivery.Consumer);
        var now = clock.GetUtcNow();
        await db.OutboxDeliveries.Where(d => d.Id == deliveryId && d.LeaseOwner == _owner).ExecuteUpdateAsync(set => set
            .SetProperty(d => d.DeliveredAt, now)
            .SetProperty(d => d.Attempts, d => d.Attempts + 1)
            .SetProperty(d => d.LeaseOwner, (string?)null)
            .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        Delivered.Add(1);
    }

    private async Task FailAsync(ModuleDbContext db, OutboxDelivery delivery, string error, bool giveUp, CancellationToken cancellationToken)
    {
        var attempts = delivery.Attempts + 1;
        var now = clock.GetUtcNow();
        var dead = giveUp || attempts >= _options.MaxAttempts;
        var nextAttempt = now + RetryDelay(attempts);
        var lastError = error.Length <= 2000 ? error : error[..2000];
        await db.OutboxDeliveries.Where(d => d.Id == delivery.Id && d.LeaseOwner == _owner).ExecuteUpdateAsync(set => set
            .SetProperty(d => d.Attempts, attempts)
            .SetProperty(d => d.LastError, lastError)
            .SetProperty(d => d.NextAttemptAt, nextAttempt)
            .SetProperty(d => d.DeadAt, dead ? now : null)
            .SetProperty(d => d.LeaseOwner, (string?)null)
            .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        (dead ? Dead : Failed).Add(1);
        logger.Log(dead ? LogLevel.Error : LogLevel.Warning,
            "Delivery of event {EventId} to {Consumer} failed (attempt {Attempt}{Outcome}): {Error}",
            delivery.MessageId, delivery.Consumer, attempts, dead ? ", now a dead letter" : "", error);
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var exponential = _options.RetryDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        var capped = exponential < _options.MaxRetryDelay ? exponential : _options.MaxRetryDelay;
        return capped * (0.8 + (Random.Shared.NextDouble() * 0.4));
    }
}
