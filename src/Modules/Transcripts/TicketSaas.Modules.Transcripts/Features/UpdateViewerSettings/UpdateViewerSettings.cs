using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Transcripts.Domain.Viewer;
using TicketSaas.Modules.Transcripts.Features.GetViewerSettings;
using TicketSaas.Modules.Transcripts.Persistence;

namespace TicketSaas.Modules.Transcripts.Features.UpdateViewerSettings;

/// <param name="PublicLinksEnabled">Null means "not given": the validator refuses it rather than guessing a default.</param>
/// <param name="RetentionDays">Null keeps transcripts for good.</param>
public sealed record UpdateViewerSettingsCommand(ulong GuildId, bool? PublicLinksEnabled, int? RetentionDays)
    : ICommand<ViewerSettingsDto>, IAuditedCommand
{
    /// <summary>Ten years: beyond that a number is more likely a typo than a policy.</summary>
    public const int MaxRetentionDays = 3650;

    public ulong? AuditGuildId => GuildId;
}

internal sealed class UpdateViewerSettingsCommandValidator : AbstractValidator<UpdateViewerSettingsCommand>
{
    public UpdateViewerSettingsCommandValidator()
    {
        RuleFor(c => c.GuildId).NotEmpty();
        RuleFor(c => c.PublicLinksEnabled).NotNull();
        RuleFor(c => c.RetentionDays).InclusiveBetween(1, UpdateViewerSettingsCommand.MaxRetentionDays);
    }
}

internal sealed class UpdateViewerSettingsCommandHandler(TranscriptsDbContext db, TimeProvider clock)
    : IRequestHandler<UpdateViewerSettingsCommand, ViewerSettingsDto>
{
    public async Task<ViewerSettingsDto> Handle(UpdateViewerSettingsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = await db.ViewerSettings.SingleOrDefaultAsync(s => s.GuildId == command.GuildId, cancellationToken);
        if (settings is null)
        {
            settings = ViewerSettings.DefaultFor(command.GuildId, now);
            db.ViewerSettings.Add(settings);
        }

        settings.Change(command.PublicLinksEnabled!.Value, now);
        settings.KeepFor(command.RetentionDays, now);
        return ViewerSettingsDto.From(settings);
    }
}

internal static class UpdateViewerSettingsEndpoint
{
    public static void Map(IEndpointRouteBuilder settings) =>
        settings.MapPut("/", (ulong guildId, UpdateViewerSettingsRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new UpdateViewerSettingsCommand(guildId, body.PublicLinksEnabled, body.RetentionDays), ct))
            .RequireAuthorization(Policies.GuildAdmin)
            .WithName("UpdateTranscriptViewerSettings")
            .ProducesValidationProblem();

    internal sealed record UpdateViewerSettingsRequest(bool? PublicLinksEnabled, int? RetentionDays);
}
