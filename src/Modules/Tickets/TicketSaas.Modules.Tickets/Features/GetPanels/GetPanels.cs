using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Domain.Panels;
using TicketSaas.Modules.Tickets.Persistence;

namespace TicketSaas.Modules.Tickets.Features.GetPanels;

public sealed record GetPanelsQuery(ulong GuildId) : IQuery<IReadOnlyList<PanelDto>>;

/// <param name="CategoryIds">The categories offered, in display order.</param>
/// <param name="MessageId">The live Discord message; null until the bot has posted the panel.</param>
public sealed record PanelDto(
    Guid Id,
    ulong GuildId,
    ulong ChannelId,
    string Title,
    string Description,
    PanelStyle Style,
    IReadOnlyList<Guid> CategoryIds,
    ulong? MessageId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    internal static PanelDto From(Panel panel) =>
        new(panel.Id, panel.GuildId, panel.ChannelId, panel.Title, panel.Description, panel.Style, panel.CategoryIds, panel.MessageId,
            panel.CreatedAt, panel.UpdatedAt);
}

internal sealed class GetPanelsQueryHandler(TicketsDbContext db) : IRequestHandler<GetPanelsQuery, IReadOnlyList<PanelDto>>
{
    public async Task<IReadOnlyList<PanelDto>> Handle(GetPanelsQuery query, CancellationToken cancellationToken)
    {
        var panels = await db.Panels.AsNoTracking()
            .Where(p => p.GuildId == query.GuildId)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
        return panels.Select(PanelDto.From).ToList();
    }
}

internal static class GetPanelsEndpoint
{
    public static void Map(IEndpointRouteBuilder panels) =>
        panels.MapGet("/", (ulong guildId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetPanelsQuery(guildId), ct))
            .RequireAuthorization(Policies.GuildStaff)
            .WithName("GetPanels");
}
