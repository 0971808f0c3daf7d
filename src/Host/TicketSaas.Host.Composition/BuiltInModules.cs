using TicketSaas.BuildingBlocks.Infrastructure.Modules;
using TicketSaas.Modules.Billing;
using TicketSaas.Modules.Domains;
using TicketSaas.Modules.Identity;
using TicketSaas.Modules.Tickets;
using TicketSaas.Modules.Transcripts;

namespace TicketSaas.Host.Composition;

/// <summary>The modules both hosts compose, listed explicitly; configuration may switch any of them off.</summary>
public static class BuiltInModules
{
    public static IReadOnlyList<IModule> All() =>
    [
        new IdentityModule(),
        new TicketsModule(),
        new TranscriptsModule(),
        new BillingModule(),
        new DomainsModule(),
    ];
}
