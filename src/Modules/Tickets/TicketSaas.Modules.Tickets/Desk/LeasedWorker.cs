using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TicketSaas.Modules.Tickets.Desk;

/// <summary>What every worker of stored work (ticket openings, ticket chores) is tuned by.</summary>
internal class LeasedWorkOptions
{
    /// <summary>How often due work is looked for when nobody signalled new work (retries, other processes' work).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Pieces of work this process does at once.</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>How long a process holds a piece of work before another may take it over (after a crash).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// Works stored work: claims due pieces with a lease (so several processes share the work and a crashed one's work is
/// taken over), runs up to <see cref="LeasedWorkOptions.Concurrency"/> at once, and looks again as soon as one is done
/// or new work is signalled.
/// </summary>
internal abstract partial class LeasedWorker<TKey, TWork>(WorkSignal<TWork> signal, LeasedWorkOptions options, ILogger logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            running.RemoveAll(task => task.IsCompleted);
            try
            {
                foreach (var key in await ClaimDueAsync(options.Concurrency - running.Count, stoppingToken))
                {
                    running.Add(Task.Run(() => WorkAsync(key, stoppingToken), stoppingToken).ContinueWith(_ => signal.Notify(), TaskScheduler.Default));
                }
            }
            catch (Exception failure) when (failure is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogPassFailed(logger, failure, typeof(TWork).Name);
            }

            await signal.WaitAsync(options.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Takes up to <paramref name="room"/> due pieces, each by a conditional update that only one process wins.</summary>
    protected abstract Task<IReadOnlyList<TKey>> ClaimDueAsync(int room, CancellationToken cancellationToken);

    /// <summary>Does one claimed piece; records its own failures (the lease runs out on whatever it could not record).</summary>
    protected abstract Task WorkAsync(TKey key, CancellationToken cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for due {Work} rows failed; trying again shortly")]
    private static partial void LogPassFailed(ILogger logger, Exception exception, string work);
}
