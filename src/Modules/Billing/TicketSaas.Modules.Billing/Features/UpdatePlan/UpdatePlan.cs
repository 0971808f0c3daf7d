using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Billing.Domain.Plans;
using TicketSaas.Modules.Billing.Features.GetPlans;
using TicketSaas.Modules.Billing.Persistence;

namespace TicketSaas.Modules.Billing.Features.UpdatePlan;

public sealed record UpdatePlanCommand(
    string PlanKey,
    string Name,
    int MonthlyPriceCents,
    int? TicketsPerMonth,
    int RetentionDays,
    int? Panels,
    bool CustomBot,
    bool CustomDomain,
    bool WhiteLabel) : ICommand<PlanDto>, IAuditedCommand
{
    public ulong? AuditGuildId => null;
}

internal sealed class UpdatePlanCommandValidator : AbstractValidator<UpdatePlanCommand>
{
    public UpdatePlanCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(50);
        RuleFor(c => c.MonthlyPriceCents).InclusiveBetween(0, 10_000_000);
        RuleFor(c => c.TicketsPerMonth).GreaterThan(0).When(c => c.TicketsPerMonth is not null)
            .WithMessage("Tickets per month must be positive, or null for unlimited.");
        RuleFor(c => c.RetentionDays).InclusiveBetween(1, 3650);
        RuleFor(c => c.Panels).GreaterThan(0).When(c => c.Panels is not null)
            .WithMessage("Panels must be positive, or null for unlimited.");
    }
}

internal sealed class UpdatePlanCommandHandler(BillingDbContext db) : IRequestHandler<UpdatePlanCommand, PlanDto>
{
    public async Task<PlanDto> Handle(UpdatePlanCommand command, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Key == command.PlanKey, cancellationToken)
            ?? throw new NotFoundException("Plan", command.PlanKey);
        plan.Change(command.Name, command.MonthlyPriceCents, new PlanLimits(
            command.TicketsPerMonth, command.RetentionDays, command.Panels,
            command.CustomBot, command.CustomDomain, command.WhiteLabel));
        return PlanDto.From(plan);
    }
}

internal static class UpdatePlanEndpoint
{
    public static void Map(IEndpointRouteBuilder plans) =>
        plans.MapPut("/{planKey}", (string planKey, UpdatePlanRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new UpdatePlanCommand(planKey, body.Name, body.MonthlyPriceCents, body.TicketsPerMonth,
                    body.RetentionDays, body.Panels, body.CustomBot, body.CustomDomain, body.WhiteLabel), ct))
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("UpdatePlan")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal sealed record UpdatePlanRequest(
        string Name,
        int MonthlyPriceCents,
        int? TicketsPerMonth,
        int RetentionDays,
        int? Panels,
        bool CustomBot,
        bool CustomDomain,
        bool WhiteLabel);
}
