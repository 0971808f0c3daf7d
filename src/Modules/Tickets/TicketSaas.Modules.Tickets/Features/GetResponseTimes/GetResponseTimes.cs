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

namespace TicketSaas.Modules.Tickets.Features.GetResponseTimes;

/// <summary>
/// How fast staff answer and resolve: first response from opening to the first staff message, of tickets opened in
/// the period; resolution from opening to the last close, of tickets closed in it. Per staff is by who claimed the
/// ticket (unclaimed tickets count only overall and per category).
/// </summary>
public sealed record GetResponseTimesQuery(ulong GuildId, DateOnly From, DateOnly To) : IQuery<ResponseTimesDto>, IPeriodQuery;

public sealed record ResponseTimesDto(
    DurationDto FirstResponse, DurationDto Resolution, IReadOnlyList<StaffResponseTimesDto> PerStaff, IReadOnlyList<CategoryResponseTimesDto> PerCategory);

public sealed record StaffResponseTimesDto(ulong StaffId, DurationDto FirstResponse, DurationDto Resolution);

public sealed record CategoryResponseTimesDto(Guid CategoryId, DurationDto FirstResponse, DurationDto Resolution);

internal sealed class GetResponseTimesQueryValidator : AbstractValidator<GetResponseTimesQuery>
{
    public GetResponseTimesQueryValidator() => Include(new PeriodQueryValidator());
}

internal sealed class GetResponseTimesQueryHandler(TicketsDbContext db, TicketDesk desk) : IRequestHandler<GetResponseTimesQuery, ResponseTimesDto>
{
    public async Task<ResponseTimesDto> Handle(GetResponseTimesQuery query, CancellationToken cancellationToken)
    {
        var readable = await desk.ReadableCategoriesAsync(query.GuildId, cancellationToken);
        var facts = readable is [] ? [] : await TicketFacts.LoadAsync(db, query, readable, cancellationToken);
        (DurationDto FirstResponse, DurationDto Resolution) Times(IEnumerable<TicketFact> tickets) =>
        (
            DurationDto.Of(tickets.Where(f => query.Within(f.OpenedAt) && f.FirstStaffResponseAt is not null)
                .Select(f => f.FirstStaffResponseAt!.Value - f.OpenedAt!.Value)),
            DurationDto.Of(tickets.Where(f => query.Within(f.ClosedAt) && f.OpenedAt is not null)
                .Select(f => f.ClosedAt!.Value - f.OpenedAt!.Value))
        );

        var overall = Times(facts);
        var perStaff = facts.Where(f => f.ClaimedBy is not null).GroupBy(f => f.ClaimedBy!.Value).OrderBy(g => g.Key)
            .Select(g =>
            {
                var (first, resolution) = Times(g);
                return new StaffResponseTimesDto(g.Key, first, resolution);
            })
            .ToList();
        var perCategory = facts.GroupBy(f => f.CategoryId).OrderBy(g => g.Key)
            .Select(g =>
            {
                var (first, resolution) = Times(g);
                return new CategoryResponseTimesDto(g.Key, first, resolution);
            })
            .ToList();
        return new ResponseTimesDto(overall.FirstResponse, overall.Resolution, perStaff, perCategory);
    }
}

internal static class GetResponseTimesEndpoint
{
    public static void Map(IEndpointRouteBuilder statistics) =>
        statistics.MapGet("/response-times", (ulong guildId, DateOnly from, DateOnly to, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetResponseTimesQuery(guildId, from, to), ct))
            .RequireAuthorization(Policies.GuildStaff)
            .WithName("GetResponseTimes")
            .ProducesValidationProblem();
}
