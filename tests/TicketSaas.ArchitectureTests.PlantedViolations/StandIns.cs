// Stand-ins for types the rules recognise by full name. NetArchTest matches dependencies by namespace, so a type
// declared here in the adapter's namespace is indistinguishable, to the rules, from the real Discord adapter; the
// fixture does not reference the adapter project, which keeps it buildable while the adapter changes.
namespace TicketSaas.BuildingBlocks.Discord;

public sealed class DiscordAdapterStandIn
{
    public Task SendAsync(string content) => Task.FromResult(content);
}
