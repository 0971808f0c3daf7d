using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Identity.Persistence;
using TicketSaas.Modules.Identity.Ports;

namespace TicketSaas.Modules.Identity.Features.GetMyGuilds;

/// <summary>
/// The guild picker: guilds where the bot is and the user manages the guild or holds a role there (the GuildStaff
/// policy's reach; ADR 0013), then guilds the user manages without the bot, each with its "Add bot" link. By name.
/// </summary>
public sealed record GetMyGuildsQuery : IQuery<IReadOnlyList<GuildChoiceDto>>;

/// <summary><see cref="AddBotUrl"/> is set exactly when the bot is absent.</summary>
public sealed record GuildChoiceDto(ulong GuildId, string Name, bool Manages, bool BotPresent, Uri? AddBotUrl);

internal sealed class GetMyGuildsQueryHandler(IdentityDbContext db, ICallerAccessor callers, IDiscordAccounts discord)
    : IRequestHandler<GetMyGuildsQuery, IReadOnlyList<GuildChoiceDto>>
{
    public async Task<IReadOnlyList<GuildChoiceDto>> Handle(GetMyGuildsQuery query, CancellationToken cancellationToken)
    {
        var userId = callers.Caller.UserId;
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId).ToListAsync(cancellationToken);
        var guildIds = memberships.Select(m => m.GuildId).ToList();
        var botPresent = (await db.BotGuilds.AsNoTracking().Where(g => g.Present && guildIds.Contains(g.GuildId)).Select(g => g.GuildId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var withBot = memberships
            .Where(m => botPresent.Contains(m.GuildId) && (m.Manages || m.RoleIds.Count > 0))
            .Select(m => new GuildChoiceDto(m.GuildId, m.GuildName, m.Manages, BotPresent: true, AddBotUrl: null));
        var withoutBot = memberships
            .Where(m => !botPresent.Contains(m.GuildId) && m.Manages)
            .Select(m => new GuildChoiceDto(m.GuildId, m.GuildName, Manages: true, BotPresent: false, discord.AddBotUrl(m.GuildId)));
        return [.. withBot.OrderBy(g => g.Name, StringComparer.CurrentCultureIgnoreCase), .. withoutBot.OrderBy(g => g.Name, StringComparer.CurrentCultureIgnoreCase)];
    }
}

internal static class GetMyGuildsEndpoint
{
    public static void Map(IEndpointRouteBuilder me) =>
        me.MapGet("/guilds", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetMyGuildsQuery(), ct))
            .RequireAuthorization()
            .WithName("GetMyGuilds");
}
