using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Domain.Blocklist;
using TicketSaas.Modules.Tickets.Persistence;

namespace TicketSaas.Modules.Tickets.Features.GetBlocklist;

/// <param name="IncludeExpired">Also list entries whose expiry has passed (they are kept as history).</param>
public sealed record GetBlocklistQuery(ulong GuildId, bool IncludeExpired) : IQuery<IReadOnlyList<BlocklistEntryDto>>;

/// <param name="Target"><c>user</c> or <c>role</c>.</param>
/// <param name="Active">False once <see cref="ExpiresAt"/> has passed.</param>
public sealed record BlocklistEntryDto(
    Guid Id,
    ulong GuildId,
    BlockTarget Target,
    ulong TargetId,
    string? Reason,
    DateTimeOffset? ExpiresAt,
    bool Active,
    ulong? CreatedBy,
    DateTimeOffset CreatedAt)
{
    internal static BlocklistEntryDto From(BlocklistEntry entry, DateTimeOffset now) =>
        new(entry.Id, entry.GuildId, entry.Target, entry.TargetId, entry.Reason, entry.ExpiresAt, entry.IsActiveAt(now), entry.CreatedBy,
            entry.CreatedAt);
}

internal sealed class GetBlocklistQueryHandler(TicketsDbContext db, TimeProvider clock, TicketDesk desk)
    : IRequestHandler<GetBlocklistQuery, IReadOnlyList<BlocklistEntryDto>>
{
    public async Task<IReadOnlyList<BlocklistEntryDto>> Handle(GetBlocklistQuery query, CancellationToken cancellationToken)
    {
        await desk.EnsureGuildStaffAsync(query.GuildId, cancellationToken);
        var now = clock.GetUtcNow();
        var entries = db.BlocklistEntries.AsNoTracking().Where(e => e.GuildId == query.GuildId);
        if (!query.IncludeExpired)
        {
            entries = entries.Where(e => e.ExpiresAt == null || e.ExpiresAt > now);
        }

        var list = await entries.OrderByDescending(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        return list.Select(e => BlocklistEntryDto.From(e, now)).ToList();
    }
}

internal static class GetBlocklistEndpoint
{
    public static void Map(IEndpointRouteBuilder blocklist) =>
        blocklist.MapGet("/", (ulong guildId, bool? includeExpired, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetBlocklistQuery(guildId, includeExpired ?? false), ct))
            .RequireAuthorization(Policies.GuildStaff)
            .WithName("GetBlocklist");
}
