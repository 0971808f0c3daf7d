using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketSaas.BuildingBlocks.Discord.Interactions;
using TicketSaas.BuildingBlocks.Discord.Rest;

namespace TicketSaas.BuildingBlocks.Discord.Gateway;

/// <summary>
/// Runs the gateway client for the life of the host and routes its dispatches: an interaction to the interaction
/// handler chain in a scope of its own, off the shard's receive loop (a slow handler must hold up neither the shard nor
/// other interactions), answered through the callback route; any other dispatch to every
/// <see cref="IDiscordGatewayEventHandler"/>, in order.
/// </summary>
internal sealed partial class DiscordGatewayService(
    IOptions<DiscordGatewayOptions> options,
    DiscordRestClient rest,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService, IDiscordGatewayHandler
{
    private readonly ILogger logger = loggers.CreateLogger<DiscordGatewayService>();
    private readonly List<Task> answering = [];

    /// <summary>Cancelled only when the host gives up waiting at shutdown: answers under way may finish, as HTTP requests do.</summary>
    private readonly CancellationTokenSource abandonAnswers = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new DiscordGatewayClient(options.Value, rest.GetGatewayBotAsync, this, time, loggers).RunAsync(stoppingToken);

    public ValueTask HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        if (gatewayEvent is not InteractionDispatched dispatched)
        {
            return FanOutAsync(gatewayEvent, cancellationToken);
        }

        var answer = Task.Run(() => AnswerAsync(dispatched.Interaction), CancellationToken.None);
        lock (answering)
        {
            answering.RemoveAll(task => task.IsCompleted);
            answering.Add(answer);
        }

        return ValueTask.CompletedTask;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        Task[] pending;
        lock (answering)
        {
            pending = [.. answering];
        }

        await using var giveUp = cancellationToken.Register(abandonAnswers.Cancel).ConfigureAwait(false);
        await Task.WhenAll(pending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public override void Dispose()
    {
        abandonAnswers.Dispose();
        base.Dispose();
    }

    private async Task AnswerAsync(InteractionCreated interaction)
    {
        var cancellationToken = abandonAnswers.Token;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await InteractionHandlerChain.AnswerAsync(scope.ServiceProvider, interaction, logger, cancellationToken).ConfigureAwait(false) is { } response)
            {
                await rest.CreateInteractionResponseAsync(interaction.Interaction.Id, interaction.Interaction.Token, response, cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogInteractionFailed(exception, interaction.Interaction.Id, interaction.Interaction.Data?.CustomId);
        }
    }

    private async ValueTask FanOutAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var handler in scope.ServiceProvider.GetServices<IDiscordGatewayEventHandler>())
        {
            try
            {
                await handler.HandleAsync(gatewayEvent, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogEventHandlerFailed(exception, handler.GetType().Name, gatewayEvent.GetType().Name, gatewayEvent.Shard);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Interaction {InteractionId} ({CustomId}) could not be answered")]
    private partial void LogInteractionFailed(Exception exception, ulong interactionId, string? customId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Handler} failed on {Event} from shard {Shard}")]
    private partial void LogEventHandlerFailed(Exception exception, string handler, string @event, int shard);
}
