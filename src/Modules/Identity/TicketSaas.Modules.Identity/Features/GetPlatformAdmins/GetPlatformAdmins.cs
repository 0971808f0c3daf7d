using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Identity.Domain.PlatformAdmins;
using TicketSaas.Modules.Identity.Persistence;

namespace TicketSaas.Modules.Identity.Features.GetPlatformAdmins;

public sealed record GetPlatformAdminsQuery : IQuery<IReadOnlyList<PlatformAdminDto>>;

public sealed record PlatformAdminDto(ulong UserId, ulong? GrantedBy, DateTimeOffset GrantedAt)
{
    internal static PlatformAdminDto From(PlatformAdmin admin) => new(admin.UserId, admin.GrantedBy, admin.GrantedAt);
}

internal sealed class GetPlatformAdminsQueryHandler(IdentityDbContext db)
    : IRequestHandler<GetPlatformAdminsQuery, IReadOnlyList<PlatformAdminDto>>
{
    public async Task<IReadOnlyList<PlatformAdminDto>> Handle(GetPlatformAdminsQuery query, CancellationToken cancellationToken)
    {
        var admins = await db.PlatformAdmins.AsNoTracking().OrderBy(a => a.GrantedAt).ToListAsync(cancellationToken);
        return admins.Select(PlatformAdminDto.From).ToList();
    }
}

internal static class GetPlatformAdminsEndpoint
{
    public static void Map(IEndpointRouteBuilder admins) =>
        admins.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetPlatformAdminsQuery(), ct))
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("GetPlatformAdmins");
}
