using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Transcripts.Domain.Viewer;
using TicketSaas.Modules.Transcripts.Persistence;

namespace TicketSaas.Modules.Transcripts.Features.GetViewerSettings;

public sealed record GetViewerSettingsQuery(ulong GuildId) : IQuery<ViewerSettingsDto>;

/// <param name="RetentionDays">Transcripts closed longer ago are deleted by the daily clean-up; null keeps them.</param>
public sealed record ViewerSettingsDto(ulong GuildId, bool PublicLinksEnabled, int? RetentionDays, DateTimeOffset UpdatedAt)
{
    internal static ViewerSettingsDto From(ViewerSettings settings) =>
        new(settings.GuildId, settings.PublicLinksEnabled, settings.RetentionDays, settings.UpdatedAt);
}

internal sealed class GetViewerSettingsQueryHandler(TranscriptsDbContext db, TimeProvider clock)
    : IRequestHandler<GetViewerSettingsQuery, ViewerSettingsDto>
{
    public async Task<ViewerSettingsDto> Handle(GetViewerSettingsQuery query, CancellationToken cancellationToken)
    {
        var settings = await db.ViewerSettings.AsNoTracking().SingleOrDefaultAsync(s => s.GuildId == query.GuildId, cancellationToken)
            ?? ViewerSettings.DefaultFor(query.GuildId, clock.GetUtcNow());
        return ViewerSettingsDto.From(settings);
    }
}

internal static class GetViewerSettingsEndpoint
{
    public static void Map(IEndpointRouteBuilder settings) =>
        settings.MapGet("/", (ulong guildId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetViewerSettingsQuery(guildId), ct))
            .RequireAuthorization(Policies.GuildAdmin)
            .WithName("GetTranscriptViewerSettings");
}
