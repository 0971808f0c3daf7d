using TicketSaas.BuildingBlocks.Application.Identity;

namespace TicketSaas.Host.DiscordBot.Interactions;

/// <summary>
/// The member behind the interaction being handled, scoped to one interaction. No interaction handler names its
/// member yet, so commands sent from the bot run anonymous and guild-scoped policies refuse them.
/// </summary>
internal sealed class InteractionCaller : ICallerAccessor
{
    public Caller Caller => Caller.Anonymous;
}
