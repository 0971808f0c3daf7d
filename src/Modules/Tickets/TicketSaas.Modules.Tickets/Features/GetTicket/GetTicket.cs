using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Persistence;

namespace TicketSaas.Modules.Tickets.Features.GetTicket;

/// <summary>One ticket as its category's staff and the guild's admins see it.</summary>
public sealed record GetTicketQuery(ulong GuildId, Guid TicketId) : IQuery<TicketDto>;

/// <summary>The ticket in the thread a slash command was used in; null when the channel is no ticket's thread.</summary>
public sealed record FindTicketByThreadQuery(ulong GuildId, ulong ThreadId) : IQuery<Guid?>;

public sealed record TicketDto(
    Guid Id,
    int Number,
    TicketStatus Status,
    Guid CategoryId,
    ulong OpenerId,
    ulong? ThreadId,
    IReadOnlyList<ulong> FormerThreadIds,
    bool Moving,
    string ThreadName,
    IReadOnlyList<FormAnswer> Answers,
    ulong? ClaimedBy,
    IReadOnlyList<ulong> StaffParticipantIds,
    ulong? CloseRequestedBy,
    ulong? ClosedBy,
    string? CloseReason,
    int CloseCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? FirstStaffResponseAt,
    DateTimeOffset? LastActivityAt,
    DateTimeOffset? AutoCloseAt,
    bool TimerDisabled,
    string? TimerDisabledReason,
    int? Rating,
    DateTimeOffset? DeletedInDiscordAt)
{
    internal static TicketDto From(Ticket t) => new(
        t.Id, t.Number, t.Status, t.CategoryId, t.OpenerId, t.ThreadId, t.FormerThreadIds, t.MovingFromThreadId is not null, t.ThreadName, t.Answers,
        t.ClaimedBy, t.StaffParticipantIds, t.CloseRequestedBy, t.ClosedBy, t.CloseReason, t.CloseCount, t.CreatedAt, t.OpenedAt, t.ClosedAt,
        t.FirstStaffResponseAt, t.LastActivityAt, t.AutoCloseAt, t.TimerDisabled, t.TimerDisabledReason, t.Rating, t.DeletedInDiscordAt);
}

internal sealed class GetTicketQueryHandler(TicketDesk desk) : IRequestHandler<GetTicketQuery, TicketDto>
{
    public async Task<TicketDto> Handle(GetTicketQuery query, CancellationToken cancellationToken) =>
        TicketDto.From((await desk.ForStaffAsync(query.GuildId, query.TicketId, cancellationToken)).Ticket);
}

internal sealed class FindTicketByThreadQueryHandler(TicketsDbContext db) : IRequestHandler<FindTicketByThreadQuery, Guid?>
{
    public Task<Guid?> Handle(FindTicketByThreadQuery query, CancellationToken cancellationToken) =>
        db.Tickets.AsNoTracking()
            .Where(t => t.GuildId == query.GuildId && t.ThreadId == query.ThreadId)
            .Select(t => (Guid?)t.Id)
            .SingleOrDefaultAsync(cancellationToken);
}

internal static class GetTicketEndpoint
{
    public static void Map(IEndpointRouteBuilder tickets) =>
        tickets.MapGet("/{ticketId}", (ulong guildId, Guid ticketId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetTicketQuery(guildId, ticketId), ct))
            .RequireAuthorization(Policies.GuildStaff)
            .WithName("GetTicket")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
