using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Persistence;
using TicketSaas.Modules.Tickets.Statistics;

namespace TicketSaas.Modules.Tickets.Features.GetTicketRatings;

/// <summary>The openers' ratings of tickets closed in the period: how many of each star, the average, per staff (by claimer) and per category.</summary>
public sealed record GetTicketRatingsQuery(ulong GuildId, DateOnly From, DateOnly To) : IQuery<TicketRatingsDto>, IPeriodQuery;

/// <param name="Distribution">Five counts: ratings of 1 star, 2 stars, … 5 stars.</param>
public sealed record TicketRatingsDto(RatingSummaryDto Overall, IReadOnlyList<int> Distribution, IReadOnlyList<StaffRatingsDto> PerStaff,
    IReadOnlyList<CategoryRatingsDto> PerCategory);

/// <param name="Average">Null without ratings; else rounded to two decimals.</param>
public sealed record RatingSummaryDto(int Count, double? Average)
{
    internal static RatingSummaryDto Of(IEnumerable<int> stars)
    {
        var all = stars.ToList();
        return new RatingSummaryDto(all.Count, all.Count == 0 ? null : Math.Round(all.Average(), 2));
    }
}

public sealed record StaffRatingsDto(ulong StaffId, RatingSummaryDto Ratings);

public sealed record CategoryRatingsDto(Guid CategoryId, RatingSummaryDto Ratings);

internal sealed class GetTicketRatingsQueryValidator : AbstractValidator<GetTicketRatingsQuery>
{
    public GetTicketRatingsQueryValidator() => Include(new PeriodQueryValidator());
}

internal sealed class GetTicketRatingsQueryHandler(TicketsDbContext db, TicketDesk desk) : IRequestHandler<GetTicketRatingsQuery, TicketRatingsDto>
{
    public async Task<TicketRatingsDto> Handle(GetTicketRatingsQuery query, CancellationToken cancellationToken)
    {
        var readable = await desk.ReadableCategoriesAsync(query.GuildId, cancellationToken);
        var facts = readable is [] ? [] : await TicketFacts.LoadAsync(db, query, readable, cancellationToken);
        var rated = facts.Where(f => f.Rating is not null && query.Within(f.ClosedAt)).ToList();
        return new TicketRatingsDto(
            RatingSummaryDto.Of(rated.Select(f => f.Rating!.Value)),
            [.. Enumerable.Range(1, 5).Select(stars => rated.Count(f => f.Rating == stars))],
            [.. rated.Where(f => f.ClaimedBy is not null).GroupBy(f => f.ClaimedBy!.Value).OrderBy(g => g.Key)
                .Select(g => new StaffRatingsDto(g.Key, RatingSummaryDto.Of(g.Select(f => f.Rating!.Value))))],
            [.. rated.GroupBy(f => f.CategoryId).OrderBy(g => g.Key)
                .Select(g => new CategoryRatingsDto(g.Key, RatingSummaryDto.Of(g.Select(f => f.Rating!.Value))))]);
    }
}

internal static class GetTicketRatingsEndpoint
{
    public static void Map(IEndpointRouteBuilder statistics) =>
        statistics.MapGet("/ratings", (ulong guildId, DateOnly from, DateOnly to, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetTicketRatingsQuery(guildId, from, to), ct))
            .RequireAuthorization(Policies.GuildStaff)
            .WithName("GetTicketRatings")
            .ProducesValidationProblem();
}
