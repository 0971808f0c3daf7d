using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TicketSaas.BuildingBlocks.Discord.Builders;

namespace TicketSaas.BuildingBlocks.Discord.Interactions;

/// <summary>
/// The registered <see cref="IDiscordInteractionHandler"/>s asked in registration order until one answers: the same
/// for interactions that arrive by HTTP and by the gateway.
/// </summary>
internal static class InteractionHandlerChain
{
    /// <summary>The first handler's response, or null (logged) when none claims the interaction.</summary>
    /// <param name="services">The interaction's own scope: handlers are resolved from it.</param>
    public static async ValueTask<DiscordInteractionResponse?> AnswerAsync(IServiceProvider services, InteractionCreated interaction,
        ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var handler in services.GetServices<IDiscordInteractionHandler>())
        {
            if (await handler.HandleAsync(interaction, cancellationToken).ConfigureAwait(false) is { } response)
            {
                return response;
            }
        }

        logger.LogWarning("No handler answered interaction {InteractionId} of type {Type} ({CustomId})",
            interaction.Interaction.Id, interaction.Interaction.Type, interaction.Interaction.Data?.CustomId);
        return null;
    }
}
