using TicketSaas.BuildingBlocks.Application.Messaging;

namespace TicketSaas.Modules.Tickets.Contracts;

/// <summary>A ticket's thread exists, its members are in and its welcome is posted.</summary>
/// <param name="Answers">The form's answers in the order asked, with each question as it was worded then.</param>
[IntegrationEventName("tickets.ticket-opened.v1")]
public sealed record TicketOpenedIntegrationEvent(
    Guid Id,
    DateTimeOffset OccurredAt,
    ulong GuildId,
    Guid TicketId,
    int Number,
    Guid CategoryId,
    ulong OpenerId,
    ulong ParentChannelId,
    ulong ThreadId,
    IReadOnlyList<TicketOpenedIntegrationEvent.FormAnswer> Answers) : IIntegrationEvent
{
    public sealed record FormAnswer(string Question, string Answer);
}
