using TicketSaas.BuildingBlocks.Discord.Gateway;

namespace TicketSaas.Discord.GatewayTests;

/// <summary>Keeps every dispatch delivered, in arrival order: as the client's handler, or as a host's event handler.</summary>
public sealed class EventRecorder : IDiscordGatewayHandler, IDiscordGatewayEventHandler
{
    private readonly Lock _lock = new();
    private readonly List<GatewayEvent> _events = [];

    public IReadOnlyList<GatewayEvent> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<T> Of<T>() where T : GatewayEvent => [.. All.OfType<T>()];

    public ValueTask HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _events.Add(gatewayEvent);
        }

        return ValueTask.CompletedTask;
    }

    public Task<T> WaitForAsync<T>(Func<T, bool>? match = null) where T : GatewayEvent =>
        Eventually.WaitAsync(() => All.OfType<T>().FirstOrDefault(e => match?.Invoke(e) ?? true), typeof(T).Name);

    public Task WaitForCountAsync<T>(int count) where T : GatewayEvent =>
        Eventually.WaitAsync(() => All.OfType<T>().Count() >= count, $"{count} × {typeof(T).Name}");
}
