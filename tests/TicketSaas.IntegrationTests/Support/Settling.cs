using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Infrastructure.Messaging;

namespace TicketSaas.IntegrationTests.Support;

/// <summary>
/// The tracked-session helper: after sending a command, wait until every consequence settled, i.e. every delivery of
/// every outbox is delivered or dead.
/// </summary>
public static class Settling
{
    public static async Task UntilSettledAsync(IServiceProvider services, TimeSpan? timeout = null)
    {
        var deadLetters = services.GetRequiredService<DeadLetters>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (await deadLetters.PendingAsync(CancellationToken.None) is var pending and > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{pending} deliveries still pending after {timeout ?? TimeSpan.FromSeconds(30)}.");
            }

            await Task.Delay(50);
        }
    }
}
