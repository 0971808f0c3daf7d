using TicketSaas.BuildingBlocks.Application.Messaging;

namespace TicketSaas.Modules.Tickets.Contracts;

/// <summary>
/// A guild admin changed the guild's ticket configuration: a category, a panel, the blocklist or the guild settings.
/// Whoever caches that configuration (the bot) reloads the guild's.
/// </summary>
/// <param name="Section">What changed: <c>categories</c>, <c>panels</c>, <c>blocklist</c> or <c>settings</c>.</param>
[IntegrationEventName("tickets.guild-configuration-changed.v1")]
public sealed record GuildConfigurationChangedIntegrationEvent(
    Guid Id,
    DateTimeOffset OccurredAt,
    ulong GuildId,
    string Section) : IIntegrationEvent
{
    public const string Categories = "categories";
    public const string Panels = "panels";
    public const string Blocklist = "blocklist";
    public const string Settings = "settings";
}
