using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Persistence;

namespace TicketSaas.Modules.Tickets.Features.GetTicketStatusCounts;

/// <summary>How many of the guild's tickets are open and closed now, overall and per category.</summary>
public sealed record GetTicketStatusCountsQuery(ulong GuildId) : IQuery<TicketStatusCountsDto>;

/// <param name="Open">Open tickets (being opened ones not yet, as their thread does not exist).</param>
public sealed record TicketStatusCountsDto(int Open, int Closed, IReadOnlyList<CategoryStatusCountsDto> PerCategory);

public sealed record CategoryStatusCountsDto(Guid CategoryId, int Open, int Closed);

internal sealed class GetTicketStatusCountsQueryHandler(TicketsDbContext db, TicketDesk desk) : IRequestHandler<GetTicketStatusCountsQuery, TicketStatusCountsDto>
{
    public async Task<TicketStatusCountsDto> Handle(GetTicketStatusCountsQuery query, CancellationToken cancellationToken)
    {
        var readable = await desk.ReadableCategoriesAsync(query.GuildId, cancellationToken);
        if (readable is [])
        {
            return new TicketStatusCountsDto(0, 0, []);
        }

        var tickets = db.Tickets.AsNoTracking()
            .Where(t => t.GuildId == query.GuildId && (t.Status == TicketStatus.Open || t.Status == TicketStatus.Closed));
        if (readable is not null)
        {
            tickets = tickets.Where(t => EF.Constant(readable).Contains(t.CategoryId));
        }

        var counts = await tickets.GroupBy(t => new { t.CategoryId, t.Status })
            .Select(g => new { g.Key.CategoryId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var perCategory = counts.GroupBy(c => c.CategoryId)
            .Select(g => new CategoryStatusCountsDto(
                g.Key, g.Where(c => c.Status == TicketStatus.Open).Sum(c => c.Count), g.Where(c => c.Status == TicketStatus.Closed).Sum(c => c.Count)))
            .OrderBy(c => c.CategoryId)
            .ToList();
        return new TicketStatusCountsDto(perCategory.Sum(c => c.Open), perCategory.Sum(c => c.Closed), perCategory);
    }
}

internal static class GetTicketStatusCountsEndpoint
{
    public static void Map(IEndpointRouteBuilder statistics) =>
        statistics.MapGet("/status", (ulong guildId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetTicketStatusCountsQuery(guildId), ct))
            .RequireAuthorization(Policies.GuildStaff)
            .WithName("GetTicketStatusCounts");
}
