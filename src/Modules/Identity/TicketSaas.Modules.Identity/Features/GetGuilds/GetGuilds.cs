using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Identity.Domain.BotPresence;
using TicketSaas.Modules.Identity.Persistence;

namespace TicketSaas.Modules.Identity.Features.GetGuilds;

/// <summary>For platform admins: every guild the bot was ever in, by id; pass the last id as <c>After</c> for the next page.</summary>
public sealed record GetGuildsQuery(bool? Present, ulong? After, int Limit) : IQuery<IReadOnlyList<BotGuildDto>>;

public sealed record BotGuildDto(ulong GuildId, string Name, bool BotPresent, DateTimeOffset ChangedAt)
{
    internal static BotGuildDto From(BotGuild guild) => new(guild.GuildId, guild.Name, guild.Present, guild.ChangedAt);
}

internal sealed class GetGuildsQueryValidator : AbstractValidator<GetGuildsQuery>
{
    public GetGuildsQueryValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, 200);
}

internal sealed class GetGuildsQueryHandler(IdentityDbContext db) : IRequestHandler<GetGuildsQuery, IReadOnlyList<BotGuildDto>>
{
    public async Task<IReadOnlyList<BotGuildDto>> Handle(GetGuildsQuery query, CancellationToken cancellationToken)
    {
        var guilds = db.BotGuilds.AsNoTracking();
        if (query.Present is { } present)
        {
            guilds = guilds.Where(g => g.Present == present);
        }

        if (query.After is { } after)
        {
            guilds = guilds.Where(g => g.GuildId > after);
        }

        var page = await guilds.OrderBy(g => g.GuildId).Take(query.Limit).ToListAsync(cancellationToken);
        return page.Select(BotGuildDto.From).ToList();
    }
}

internal static class GetGuildsEndpoint
{
    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapGet("/guilds", (bool? present, ulong? after, int? limit, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetGuildsQuery(present, after, limit ?? 50), ct))
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("GetGuilds")
            .ProducesValidationProblem();
}
