using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Billing.Domain.Plans;
using TicketSaas.Modules.Billing.Persistence;

namespace TicketSaas.Modules.Billing.Features.GetPlans;

public sealed record GetPlansQuery : IQuery<IReadOnlyList<PlanDto>>;

public sealed record PlanDto(
    string Key,
    string Name,
    int MonthlyPriceCents,
    int? TicketsPerMonth,
    int RetentionDays,
    int? Panels,
    bool CustomBot,
    bool CustomDomain,
    bool WhiteLabel)
{
    internal static PlanDto From(Plan plan) => new(plan.Key, plan.Name, plan.MonthlyPriceCents,
        plan.Limits.TicketsPerMonth, plan.Limits.RetentionDays, plan.Limits.Panels,
        plan.Limits.CustomBot, plan.Limits.CustomDomain, plan.Limits.WhiteLabel);
}

internal sealed class GetPlansQueryHandler(BillingDbContext db) : IRequestHandler<GetPlansQuery, IReadOnlyList<PlanDto>>
{
    public async Task<IReadOnlyList<PlanDto>> Handle(GetPlansQuery query, CancellationToken cancellationToken)
    {
        var plans = await db.Plans.AsNoTracking().OrderBy(p => p.MonthlyPriceCents).ToListAsync(cancellationToken);
        return plans.Select(PlanDto.From).ToList();
    }
}

internal static class GetPlansEndpoint
{
    /// <summary>Public: the pricing page reads it before anyone logs in.</summary>
    public static void Map(IEndpointRouteBuilder plans) =>
        plans.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetPlansQuery(), ct))
            .AllowAnonymous()
            .WithName("GetPlans");
}
