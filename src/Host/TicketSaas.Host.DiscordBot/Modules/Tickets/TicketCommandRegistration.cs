using TicketSaas.BuildingBlocks.Discord.Rest;

namespace TicketSaas.Host.DiscordBot.Modules.Tickets;

/// <summary>
/// Registers the staff slash commands at start by bulk overwrite: Discord ends up with exactly this release's commands,
/// however many bot hosts start at once. Transient failures are retried; the bot works without the commands meanwhile.
/// </summary>
internal sealed partial class TicketCommandRegistration(DiscordRestClient discord, IConfiguration configuration, ILogger<TicketCommandRegistration> logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var applicationId = configuration.GetValue<ulong>("Discord:ApplicationId");
        for (var delay = TimeSpan.FromSeconds(1); !stoppingToken.IsCancellationRequested; delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay)
        {
            try
            {
                var registered = await discord.BulkOverwriteGlobalCommandsAsync(applicationId, TicketCommands.Definitions, stoppingToken);
                LogRegistered(registered.Count);
                return;
            }
            catch (Exception failure) when (failure is DiscordRestException or HttpRequestException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                LogFailed(failure, delay);
            }

            await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} slash commands")]
    private partial void LogRegistered(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registering the slash commands failed; trying again in {Delay}")]
    private partial void LogFailed(Exception exception, TimeSpan delay);
}
