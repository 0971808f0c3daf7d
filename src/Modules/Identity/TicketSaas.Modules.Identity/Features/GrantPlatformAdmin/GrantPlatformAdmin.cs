using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Identity.Domain.PlatformAdmins;
using TicketSaas.Modules.Identity.Features.GetPlatformAdmins;
using TicketSaas.Modules.Identity.Persistence;

namespace TicketSaas.Modules.Identity.Features.GrantPlatformAdmin;

/// <summary>Idempotent: granting an existing admin returns the grant already on record.</summary>
public sealed record GrantPlatformAdminCommand(ulong UserId) : ICommand<PlatformAdminDto>, IAuditedCommand
{
    public ulong? AuditGuildId => null;
}

internal sealed class GrantPlatformAdminCommandValidator : AbstractValidator<GrantPlatformAdminCommand>
{
    public GrantPlatformAdminCommandValidator() => RuleFor(c => c.UserId).NotEmpty();
}

internal sealed class GrantPlatformAdminCommandHandler(IdentityDbContext db, ICallerAccessor caller, TimeProvider clock)
    : IRequestHandler<GrantPlatformAdminCommand, PlatformAdminDto>
{
    public async Task<PlatformAdminDto> Handle(GrantPlatformAdminCommand command, CancellationToken cancellationToken)
    {
        var admin = await db.PlatformAdmins.SingleOrDefaultAsync(a => a.UserId == command.UserId, cancellationToken);
        if (admin is null)
        {
            admin = PlatformAdmin.Grant(command.UserId, caller.Caller.UserId, clock.GetUtcNow());
            db.PlatformAdmins.Add(admin);
        }

        return PlatformAdminDto.From(admin);
    }
}

internal static class GrantPlatformAdminEndpoint
{
    public static void Map(IEndpointRouteBuilder admins) =>
        admins.MapPut("/{userId}", (ulong userId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GrantPlatformAdminCommand(userId), ct))
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("GrantPlatformAdmin")
            .ProducesValidationProblem();
}
