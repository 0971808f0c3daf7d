using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Identity.Persistence;

namespace TicketSaas.Modules.Identity.Features.GetMe;

/// <summary>Who is logged in, as Discord described them at login; 404 for a caller who never logged in with Discord.</summary>
public sealed record GetMeQuery : IQuery<MeDto>;

public sealed record MeDto(ulong UserId, string Username, string DisplayName, string? Avatar, bool IsPlatformAdmin);

internal sealed class GetMeQueryHandler(IdentityDbContext db, ICallerAccessor callers) : IRequestHandler<GetMeQuery, MeDto>
{
    public async Task<MeDto> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var caller = callers.Caller;
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == caller.UserId, cancellationToken)
            ?? throw new NotFoundException("Discord login of user", caller.UserId.ToString() ?? "");
        return new MeDto(user.Id, user.Username, user.DisplayName, user.Avatar, caller.IsPlatformAdmin);
    }
}

internal static class GetMeEndpoint
{
    public static void Map(IEndpointRouteBuilder me) =>
        me.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetMeQuery(), ct))
            .RequireAuthorization()
            .WithName("GetMe")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
