using System.Text.Json;
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

/// <summary>
/// The audit log, newest first, narrowed by guild (always, for a guild's admins), actor and a time range
/// [<c>From</c>, <c>To</c>); pass the last entry's id as <c>Before</c> for the next page.
/// </summary>
public sealed record GetAuditLogQuery(ulong? GuildId, ulong? ActorUserId, DateTimeOffset? From, DateTimeOffset? To, long? Before, int Limit)
    : IQuery<IReadOnlyList<AuditLogEntryDto>>;

/// <summary><see cref="Changes"/>: every changed row with its entity, state, key, and values before and after.</summary>
public sealed record AuditLogEntryDto(
    long Id, string Module, string Command, ulong? ActorUserId, ulong? GuildId, JsonElement Changes, DateTimeOffset OccurredAt)
{
    internal static AuditLogEntryDto From(AuditLogEntry entry) =>
        new(entry.Id, entry.Module, entry.Command, entry.ActorUserId, entry.GuildId, JsonSerializer.Deserialize<JsonElement>(entry.Changes), entry.OccurredAt);
}

internal sealed class GetAuditLogQueryValidator : AbstractValidator<GetAuditLogQuery>
{
    public GetAuditLogQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 200);
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("'to' must be later than 'from'.");
    }
}

internal sealed class GetAuditLogQueryHandler(IdentityDbContext db) : IRequestHandler<GetAuditLogQuery, IReadOnlyList<AuditLogEntryDto>>
{
    public async Task<IReadOnlyList<AuditLogEntryDto>> Handle(GetAuditLogQuery query, CancellationToken cancellationToken)
    {
        var entries = db.AuditLog.AsNoTracking();
        if (query.GuildId is { } guildId)
        {
            entries = entries.Where(e => e.GuildId == guildId);
        }

        if (query.ActorUserId is { } actor)
        {
            entries = entries.Where(e => e.ActorUserId == actor);
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.OccurredAt < to);
        }

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
    /// <summary>A guild's log for its admins (the guild from the route), and the whole log for platform admins (optionally one guild's).</summary>
    public static void Map(IEndpointRouteBuilder guilds, IEndpointRouteBuilder admin)
    {
        guilds.MapGet("/{guildId}/audit-log", Search)
            .RequireAuthorization(Policies.GuildAdmin)
            .WithName("GetAuditLog")
            .ProducesValidationProblem();
        admin.MapGet("/audit-log", Search)
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("SearchAuditLog")
            .ProducesValidationProblem();
    }

    private static Task<IReadOnlyList<AuditLogEntryDto>> Search(ulong? guildId, ulong? actor, DateTimeOffset? from, DateTimeOffset? to,
        long? before, int? limit, IMediator mediator, CancellationToken ct) =>
        mediator.Send(new GetAuditLogQuery(guildId, actor, from, to, before, limit ?? 50), ct);
}
