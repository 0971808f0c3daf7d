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

namespace TicketSaas.Modules.Tickets.Features.GetTicketVolume;

/// <summary>Tickets opened and closed on each UTC day of the period, days without any included.</summary>
public sealed record GetTicketVolumeQuery(ulong GuildId, DateOnly From, DateOnly To) : IQuery<TicketVolumeDto>, IPeriodQuery;

/// <param name="TimeZone">The zone the days are counted in.</param>
public sealed record TicketVolumeDto(string TimeZone, IReadOnlyList<DayVolumeDto> Days);

/// <param name="Closed">Closes on that day; a ticket reopened and closed again counts on the day of its last close.</param>
public sealed record DayVolumeDto(DateOnly Date, int Opened, int Closed);

internal sealed class GetTicketVolumeQueryValidator : AbstractValidator<GetTicketVolumeQuery>
{
    public GetTicketVolumeQueryValidator() => Include(new PeriodQueryValidator());
}

internal sealed class GetTicketVolumeQueryHandler(TicketsDbContext db, TicketDesk desk) : IRequestHandler<GetTicketVolumeQuery, TicketVolumeDto>
{
    public async Task<TicketVolumeDto> Handle(GetTicketVolumeQuery query, CancellationToken cancellationToken)
    {
        var readable = await desk.ReadableCategoriesAsync(query.GuildId, cancellationToken);
        var facts = readable is [] ? [] : await TicketFacts.LoadAsync(db, query, readable, cancellationToken);
        var opened = DaysOf(facts.Where(f => query.Within(f.OpenedAt)).Select(f => f.OpenedAt!.Value));
        var closed = DaysOf(facts.Where(f => query.Within(f.ClosedAt)).Select(f => f.ClosedAt!.Value));
        var days = Enumerable.Range(0, query.To.DayNumber - query.From.DayNumber + 1).Select(query.From.AddDays)
            .Select(day => new DayVolumeDto(day, opened.GetValueOrDefault(day), closed.GetValueOrDefault(day)))
            .ToList();
        return new TicketVolumeDto("UTC", days);
    }

    private static Dictionary<DateOnly, int> DaysOf(IEnumerable<DateTimeOffset> instants) =>
        instants.GroupBy(at => DateOnly.FromDateTime(at.UtcDateTime)).ToDictionary(g => g.Key, g => g.Count());
}

internal static class GetTicketVolumeEndpoint
{
    public static void Map(IEndpointRouteBuilder statistics) =>
        statistics.MapGet("/volume", (ulong guildId, DateOnly from, DateOnly to, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetTicketVolumeQuery(guildId, from, to), ct))
            .RequireAuthorization(Policies.GuildStaff)
            .WithName("GetTicketVolume")
            .ProducesValidationProblem();
}
