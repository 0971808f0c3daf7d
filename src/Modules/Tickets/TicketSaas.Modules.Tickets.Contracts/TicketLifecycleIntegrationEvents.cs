using TicketSaas.BuildingBlocks.Application.Messaging;

namespace TicketSaas.Modules.Tickets.Contracts;

/// <summary>A staff member took the ticket on.</summary>
[IntegrationEventName("tickets.ticket-claimed.v1")]
public sealed record TicketClaimedIntegrationEvent(
    Guid Id,
    DateTimeOffset OccurredAt,
    ulong GuildId,
    Guid TicketId,
    int Number,
    ulong ClaimedBy,
    Guid CategoryId) : IIntegrationEvent;

/// <summary>
/// The ticket was closed: its thread is archived and locked (never deleted). Carries all a transcript, a log post and
/// a feedback request need, so consumers never read Tickets' tables.
/// </summary>
/// <param name="ThreadIds">Every thread the ticket lived in, oldest first (more than one after a move); the last is current.</param>
/// <param name="ClosedBy">Null when the inactivity timer closed it.</param>
/// <param name="CloseSequence">1 for the first close, 2 after a reopen and a second close, …: one transcript each.</param>
/// <param name="Language">The guild's language for texts sent on the ticket's behalf.</param>
[IntegrationEventName("tickets.ticket-closed.v1")]
public sealed record TicketClosedIntegrationEvent(
    Guid Id,
    DateTimeOffset OccurredAt,
    ulong GuildId,
    Guid TicketId,
    int Number,
    IReadOnlyList<ulong> ThreadIds,
    ulong OpenerId,
    ulong? ClaimedBy,
    IReadOnlyList<ulong> StaffParticipantIds,
    Guid CategoryId,
    string CategoryName,
    ulong? LogChannelId,
    IReadOnlyList<ulong> StaffRoleIds,
    IReadOnlyList<TicketOpenedIntegrationEvent.FormAnswer> Answers,
    ulong? ClosedBy,
    string? Reason,
    DateTimeOffset OpenedAt,
    DateTimeOffset ClosedAt,
    int CloseSequence,
    DateTimeOffset? FirstStaffResponseAt,
    string Language) : IIntegrationEvent;

[IntegrationEventName("tickets.ticket-reopened.v1")]
public sealed record TicketReopenedIntegrationEvent(
    Guid Id,
    DateTimeOffset OccurredAt,
    ulong GuildId,
    Guid TicketId,
    int Number,
    ulong ReopenedBy,
    int CloseSequence,
    Guid CategoryId) : IIntegrationEvent;

/// <summary>The ticket (same id and number) moved to another category; its new thread is made right after.</summary>
[IntegrationEventName("tickets.ticket-moved.v1")]
public sealed record TicketMovedIntegrationEvent(
    Guid Id,
    DateTimeOffset OccurredAt,
    ulong GuildId,
    Guid TicketId,
    int Number,
    Guid FromCategoryId,
    Guid ToCategoryId,
    ulong FormerThreadId,
    ulong MovedBy) : IIntegrationEvent;

/// <summary>Staff renamed the ticket's thread.</summary>
[IntegrationEventName("tickets.ticket-renamed.v1")]
public sealed record TicketRenamedIntegrationEvent(
    Guid Id,
    DateTimeOffset OccurredAt,
    ulong GuildId,
    Guid TicketId,
    int Number,
    Guid CategoryId,
    string ThreadName,
    ulong RenamedBy) : IIntegrationEvent;

/// <summary>The opener rated a closed ticket, 1 to 5 stars.</summary>
[IntegrationEventName("tickets.ticket-rated.v1")]
public sealed record TicketRatedIntegrationEvent(
    Guid Id,
    DateTimeOffset OccurredAt,
    ulong GuildId,
    Guid TicketId,
    int Number,
    ulong OpenerId,
    int Stars) : IIntegrationEvent;

/// <summary>A user or a role may no longer open tickets in the guild (until <paramref name="ExpiresAt"/>, when set).</summary>
/// <param name="Target">"user" or "role".</param>
[IntegrationEventName("tickets.user-blocked.v1")]
public sealed record UserBlockedIntegrationEvent(
    Guid Id,
    DateTimeOffset OccurredAt,
    ulong GuildId,
    string Target,
    ulong TargetId,
    string? Reason,
    DateTimeOffset? ExpiresAt,
    ulong? BlockedBy) : IIntegrationEvent;
