using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Domains.Domain.CustomDomains;
using TicketSaas.Modules.Domains.Persistence;

namespace TicketSaas.Modules.Domains.Features.GetCustomDomains;

public sealed record GetCustomDomainsQuery(ulong GuildId) : IQuery<IReadOnlyList<CustomDomainDto>>;

/// <summary>A domain with the TXT record its owner must publish to prove ownership.</summary>
public sealed record CustomDomainDto(
    Guid Id, ulong GuildId, string Host, string Status, string ChallengeRecordName, string ChallengeRecordValue, DateTimeOffset CreatedAt)
{
    internal static CustomDomainDto From(CustomDomain domain) => new(domain.Id, domain.GuildId, domain.Host,
        domain.Status.ToString().ToLowerInvariant(), domain.ChallengeRecordName, domain.VerificationToken, domain.CreatedAt);
}

internal sealed class GetCustomDomainsQueryHandler(DomainsDbContext db)
    : IRequestHandler<GetCustomDomainsQuery, IReadOnlyList<CustomDomainDto>>
{
    public async Task<IReadOnlyList<CustomDomainDto>> Handle(GetCustomDomainsQuery query, CancellationToken cancellationToken)
    {
        var domains = await db.CustomDomains.AsNoTracking()
            .Where(d => d.GuildId == query.GuildId)
            .OrderBy(d => d.Host)
            .ToListAsync(cancellationToken);
        return domains.Select(CustomDomainDto.From).ToList();
    }
}

internal static class GetCustomDomainsEndpoint
{
    public static void Map(IEndpointRouteBuilder domains) =>
        domains.MapGet("/", (ulong guildId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetCustomDomainsQuery(guildId), ct))
            .RequireAuthorization(Policies.GuildAdmin)
            .WithName("GetCustomDomains");
}
