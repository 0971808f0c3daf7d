using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Identity.Persistence;

namespace TicketSaas.Modules.Identity.Features.GetUsers;

/// <summary>For platform admins: everyone who logged in, by id; pass the last id as <c>After</c> for the next page.</summary>
public sealed record GetUsersQuery(ulong? After, int Limit) : IQuery<IReadOnlyList<UserDto>>;

public sealed record UserDto(ulong UserId, string Username, string DisplayName, DateTimeOffset FirstLoginAt, DateTimeOffset LastLoginAt, int LiveSessions);

internal sealed class GetUsersQueryValidator : AbstractValidator<GetUsersQuery>
{
    public GetUsersQueryValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, 200);
}

internal sealed class GetUsersQueryHandler(IdentityDbContext db, TimeProvider clock) : IRequestHandler<GetUsersQuery, IReadOnlyList<UserDto>>
{
    public async Task<IReadOnlyList<UserDto>> Handle(GetUsersQuery query, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (query.After is { } after)
        {
            users = users.Where(u => u.Id > after);
        }

        var page = await users.OrderBy(u => u.Id).Take(query.Limit).ToListAsync(cancellationToken);
        var ids = page.Select(u => u.Id).ToList();
        var now = clock.GetUtcNow();
        var liveSessions = await db.Sessions.AsNoTracking()
            .Where(s => ids.Contains(s.UserId) && s.RevokedAt == null && s.ExpiresAt > now)
            .GroupBy(s => s.UserId)
            .Select(g => new { UserId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.UserId, g => g.Count, cancellationToken);
        return page.Select(u => new UserDto(u.Id, u.Username, u.DisplayName, u.FirstLoginAt, u.LastLoginAt, liveSessions.GetValueOrDefault(u.Id)))
            .ToList();
    }
}

internal static class GetUsersEndpoint
{
    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapGet("/users", (ulong? after, int? limit, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetUsersQuery(after, limit ?? 50), ct))
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("GetUsers")
            .ProducesValidationProblem();
}
