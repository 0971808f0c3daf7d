using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Domain.Settings;
using TicketSaas.Modules.Tickets.Features.GetGuildSettings;
using TicketSaas.Modules.Tickets.Persistence;
using TicketSaas.Modules.Tickets.Validation;

namespace TicketSaas.Modules.Tickets.Features.UpdateGuildSettings;

/// <summary>Null means "not given": the validator refuses it rather than guessing a default.</summary>
public sealed record UpdateGuildSettingsCommand(ulong GuildId, string Language, bool? DevMode, IReadOnlyList<ulong>? DeveloperUserIds)
    : ICommand<GuildSettingsDto>, IAuditedCommand
{
    public ulong? AuditGuildId => GuildId;
}

internal sealed class UpdateGuildSettingsCommandValidator : AbstractValidator<UpdateGuildSettingsCommand>
{
    public UpdateGuildSettingsCommandValidator()
    {
        RuleFor(c => c.GuildId).NotEmpty();
        RuleFor(c => c.Language).NotEmpty()
            .Must(language => language is null || GuildSettings.Languages.Contains(language))
            .WithMessage($"Language must be one of {string.Join(", ", GuildSettings.Languages)}.");
        RuleFor(c => c.DevMode).NotNull();
        RuleFor(c => c.DeveloperUserIds).SnowflakeList(GuildSettings.MaxDevelopers);
    }
}

internal sealed class UpdateGuildSettingsCommandHandler(TicketsDbContext db, TimeProvider clock, IIntegrationEventPublisher events)
    : IRequestHandler<UpdateGuildSettingsCommand, GuildSettingsDto>
{
    public async Task<GuildSettingsDto> Handle(UpdateGuildSettingsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var guild = await db.FindOrCreateGuildAsync(command.GuildId, now, cancellationToken);
        guild.ChangeSettings(new GuildSettings(command.Language, command.DevMode!.Value, command.DeveloperUserIds!), now);
        events.PublishConfigurationChanged(command.GuildId, GuildConfigurationChangedIntegrationEvent.Settings, now);
        return GuildSettingsDto.From(guild);
    }
}

internal static class UpdateGuildSettingsEndpoint
{
    public static void Map(IEndpointRouteBuilder settings) =>
        settings.MapPut("/", (ulong guildId, UpdateGuildSettingsRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new UpdateGuildSettingsCommand(guildId, body.Language, body.DevMode, body.DeveloperUserIds), ct))
            .RequireAuthorization(Policies.GuildAdmin)
            .WithName("UpdateTicketGuildSettings")
            .ProducesValidationProblem();

    internal sealed record UpdateGuildSettingsRequest(string Language, bool? DevMode, IReadOnlyList<ulong>? DeveloperUserIds);
}
