using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Domain.Categories;
using TicketSaas.Modules.Tickets.Domain.Settings;
using TicketSaas.Modules.Tickets.Persistence;

namespace TicketSaas.Modules.Tickets.Features.GetGuildSettings;

public sealed record GetGuildSettingsQuery(ulong GuildId) : IQuery<GuildSettingsDto>;

/// <param name="Language"><c>en</c> or <c>de</c>: the language of the bot's replies.</param>
/// <param name="DevMode">While on, <paramref name="DeveloperUserIds"/> bypass open-ticket limits and cooldowns.</param>
public sealed record GuildSettingsDto(ulong GuildId, string Language, bool DevMode, IReadOnlyList<ulong> DeveloperUserIds)
{
    internal static GuildSettingsDto From(TicketGuild guild) => new(guild.GuildId, guild.Language, guild.DevMode, guild.DeveloperUserIds);

    internal static GuildSettingsDto Default(ulong guildId) => new(guildId, GuildSettings.DefaultLanguage, false, []);
}

internal sealed class GetGuildSettingsQueryHandler(TicketsDbContext db) : IRequestHandler<GetGuildSettingsQuery, GuildSettingsDto>
{
    public async Task<GuildSettingsDto> Handle(GetGuildSettingsQuery query, CancellationToken cancellationToken)
    {
        var guild = await db.Guilds.AsNoTracking().SingleOrDefaultAsync(g => g.GuildId == query.GuildId, cancellationToken);
        return guild is null ? GuildSettingsDto.Default(query.GuildId) : GuildSettingsDto.From(guild);
    }
}

internal static class GetGuildSettingsEndpoint
{
    public static void Map(IEndpointRouteBuilder settings) =>
        settings.MapGet("/", (ulong guildId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetGuildSettingsQuery(guildId), ct))
            .RequireAuthorization(Policies.GuildStaff)
            .WithName("GetTicketGuildSettings");
}
