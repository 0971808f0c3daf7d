using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Domain.Panels;
using TicketSaas.Modules.Tickets.Features.CreatePanel;
using TicketSaas.Modules.Tickets.Features.GetPanels;
using TicketSaas.Modules.Tickets.Features.PublishPanel;
using TicketSaas.Modules.Tickets.Persistence;
using TicketSaas.Modules.Tickets.Ports;

namespace TicketSaas.Modules.Tickets.Features.UpdatePanel;

/// <summary>Replaces a panel's channel, text, style and categories; a published panel's live message follows.</summary>
public sealed record UpdatePanelCommand(
    ulong GuildId,
    Guid PanelId,
    ulong ChannelId,
    string Title,
    string? Description,
    PanelStyle? Style,
    IReadOnlyList<Guid>? CategoryIds)
    : ICommand<PanelDto>, IAuditedCommand, IPanelFields
{
    public ulong? AuditGuildId => GuildId;
}

internal sealed class UpdatePanelCommandValidator : AbstractValidator<UpdatePanelCommand>
{
    public UpdatePanelCommandValidator()
    {
        Include(new PanelFieldsValidator());
        RuleFor(c => c.PanelId).NotEmpty();
    }
}

internal sealed class UpdatePanelCommandHandler(
    TicketsDbContext db, TimeProvider clock, IIntegrationEventPublisher events, IBotPermissions permissions, IPanelMessages messages)
    : IRequestHandler<UpdatePanelCommand, PanelDto>
{
    public async Task<PanelDto> Handle(UpdatePanelCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var guild = await db.FindGuildAsync(command.GuildId, cancellationToken);
        var previousChannel = guild?.Panels.SingleOrDefault(p => p.Id == command.PanelId)?.ChannelId;
        var panel = guild?.UpdatePanel(
                command.PanelId,
                new PanelContent(command.ChannelId, command.Title, command.Description ?? string.Empty, command.Style!.Value, command.CategoryIds!),
                now)
            ?? throw new NotFoundException("Panel", command.PanelId.ToString("D", CultureInfo.InvariantCulture));
        await permissions.EnsureAsync(command.GuildId, [(panel.ChannelId, ChannelUse.Panel)], cancellationToken);
        await messages.RefreshLiveMessageAsync(panel, previousChannel!.Value, guild!, cancellationToken);
        events.PublishConfigurationChanged(command.GuildId, GuildConfigurationChangedIntegrationEvent.Panels, now);
        return PanelDto.From(panel);
    }
}

internal static class UpdatePanelEndpoint
{
    public static void Map(IEndpointRouteBuilder panels) =>
        panels.MapPut("/{panelId}", (ulong guildId, Guid panelId, UpdatePanelRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new UpdatePanelCommand(guildId, panelId, body.ChannelId, body.Title, body.Description, body.Style, body.CategoryIds), ct))
            .RequireAuthorization(Policies.GuildAdmin)
            .WithName("UpdatePanel")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    internal sealed record UpdatePanelRequest(ulong ChannelId, string Title, string? Description, PanelStyle? Style, IReadOnlyList<Guid>? CategoryIds);
}
