using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Identity.Domain.AuditLog;
using TicketSaas.Modules.Identity.Persistence;

namespace TicketSaas.Modules.Identity.Features.GetAuditLog;

/// <summary>A guild's audit log, newest first; pass the last entry's id as <c>Before</c> for the next page.</summary>
public sealed record GetAuditLogQuery(ulong GuildId, long? Before, int Limit) : IQuery<IReadOnlyList<AuditLogEntryDto>>;

public sealed record AuditLogEntryDto(
    long Id, string Module, string Command, ulong? ActorUserId, ulong? GuildId, string Changes, DateTimeOffset OccurredAt)
{
    internal static AuditLogEntryDto From(AuditLogEntry entry) =>
        new(entry.Id, entry.Module, entry.Command, entry.ActorUserId, entry.GuildId, entry.Changes, entry.OccurredAt);
}

internal sealed class GetAuditLogQueryValidator : AbstractValidator<GetAuditLogQuery>
{
    public GetAuditLogQueryValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, 200);
}

internal sealed class GetAuditLogQueryHandler(IdentityDbContext db) : IRequestHandler<GetAuditLogQuery, IReadOnlyList<AuditLogEntryDto>>
{
    public async Task<IReadOnlyList<AuditLogEntryDto>> Handle(GetAuditLogQuery query, CancellationToken cancellationToken)
    {
        var entries = db.AuditLog.AsNoTracking().Where(e => e.GuildId == query.GuildId);
        if (query.Before is { } before)
        {
            entries = entries.Where(e => e.Id < before);
        }

        var page = await entries.OrderByDescending(e => e.Id).Take(query.Limit).ToListAsync(cancellationToken);
        return page.Select(AuditLogEntryDto.From).ToList();
    }
}

internal static class GetAuditLogEndpoint
{
    public static void Map(IEndpointRouteBuilder guilds) =>
        guilds.MapGet("/{guildId}/audit-log", (ulong guildId, long? before, int? limit, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetAuditLogQuery(guildId, before, limit ?? 50), ct))
            .RequireAuthorization(Policies.GuildAdmin)
            .WithName("GetAuditLog")
            .ProducesValidationProblem();
}
