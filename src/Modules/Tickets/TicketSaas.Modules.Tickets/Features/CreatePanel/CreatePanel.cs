using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Domain.Panels;
using TicketSaas.Modules.Tickets.Features.GetPanels;
using TicketSaas.Modules.Tickets.Persistence;
using TicketSaas.Modules.Tickets.Ports;

namespace TicketSaas.Modules.Tickets.Features.CreatePanel;

/// <summary>Adds a panel; publishing it posts its message.</summary>
public sealed record CreatePanelCommand(
    ulong GuildId,
    ulong ChannelId,
    string Title,
    string? Description,
    PanelStyle? Style,
    IReadOnlyList<Guid>? CategoryIds)
    : ICommand<PanelDto>, IAuditedCommand, IPanelFields
{
    public ulong? AuditGuildId => GuildId;
}

/// <summary>What creating and editing a panel both carry, validated alike.</summary>
internal interface IPanelFields
{
    ulong GuildId { get; }

    ulong ChannelId { get; }

    string Title { get; }

    string? Description { get; }

    PanelStyle? Style { get; }

    IReadOnlyList<Guid>? CategoryIds { get; }
}

internal sealed class PanelFieldsValidator : AbstractValidator<IPanelFields>
{
    public PanelFieldsValidator()
    {
        RuleFor(p => p.GuildId).NotEmpty();
        RuleFor(p => p.ChannelId).NotEmpty();
        RuleFor(p => p.Title).NotEmpty().MaximumLength(PanelContent.MaxTitleLength);
        RuleFor(p => p.Description).MaximumLength(PanelContent.MaxDescriptionLength);
        RuleFor(p => p.Style).NotNull().IsInEnum();
        RuleFor(p => p.CategoryIds).NotNull()
            .Must(ids => ids is null || ids.Count is >= 1 and <= PanelContent.MaxCategories)
            .WithMessage($"A panel offers 1 to {PanelContent.MaxCategories} categories (buttons: 5 rows of 5; dropdown: 25 options).")
            .Must(ids => ids is null || !ids.Contains(Guid.Empty)).WithMessage("A category id cannot be empty.")
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("A category is listed twice.");
    }
}

internal sealed class CreatePanelCommandValidator : AbstractValidator<CreatePanelCommand>
{
    public CreatePanelCommandValidator() => Include(new PanelFieldsValidator());
}

internal sealed class CreatePanelCommandHandler(TicketsDbContext db, TimeProvider clock, IIntegrationEventPublisher events, IBotPermissions permissions)
    : IRequestHandler<CreatePanelCommand, PanelDto>
{
    public async Task<PanelDto> Handle(CreatePanelCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var guild = await db.FindOrCreateGuildAsync(command.GuildId, now, cancellationToken);
        var panel = guild.AddPanel(
            new PanelContent(command.ChannelId, command.Title, command.Description ?? string.Empty, command.Style!.Value, command.CategoryIds!), now);
        await permissions.EnsureAsync(command.GuildId, [(panel.ChannelId, ChannelUse.Panel)], cancellationToken);
        events.PublishConfigurationChanged(command.GuildId, GuildConfigurationChangedIntegrationEvent.Panels, now);
        return PanelDto.From(panel);
    }
}

internal static class CreatePanelEndpoint
{
    public static void Map(IEndpointRouteBuilder panels) =>
        panels.MapPost("/", async (ulong guildId, PanelRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var panel = await mediator.Send(
                    new CreatePanelCommand(guildId, body.ChannelId, body.Title, body.Description, body.Style, body.CategoryIds), ct);
                return TypedResults.Created($"/api/v1/guilds/{guildId}/panels/{panel.Id}", panel);
            })
            .RequireAuthorization(Policies.GuildAdmin)
            .WithName("CreatePanel")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    internal sealed record PanelRequest(ulong ChannelId, string Title, string? Description, PanelStyle? Style, IReadOnlyList<Guid>? CategoryIds);
}
