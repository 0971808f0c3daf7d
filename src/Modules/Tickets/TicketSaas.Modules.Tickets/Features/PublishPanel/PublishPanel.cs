using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Domain.Categories;
using TicketSaas.Modules.Tickets.Domain.Panels;
using TicketSaas.Modules.Tickets.Features.GetPanels;
using TicketSaas.Modules.Tickets.Localization;
using TicketSaas.Modules.Tickets.Persistence;
using TicketSaas.Modules.Tickets.Ports;

namespace TicketSaas.Modules.Tickets.Features.PublishPanel;

/// <summary>
/// Shows the panel in its channel: edits the live message, or posts one when there is none yet or someone deleted it.
/// </summary>
public sealed record PublishPanelCommand(ulong GuildId, Guid PanelId) : ICommand<PanelDto>, IAuditedCommand
{
    public ulong? AuditGuildId => GuildId;
}

internal sealed class PublishPanelCommandHandler(TicketsDbContext db, IBotPermissions permissions, IPanelMessages messages)
    : IRequestHandler<PublishPanelCommand, PanelDto>
{
    public async Task<PanelDto> Handle(PublishPanelCommand command, CancellationToken cancellationToken)
    {
        var guild = await db.FindGuildAsync(command.GuildId, cancellationToken);
        var panel = guild?.Panels.SingleOrDefault(p => p.Id == command.PanelId)
            ?? throw new NotFoundException("Panel", command.PanelId.ToString("D", CultureInfo.InvariantCulture));
        await permissions.EnsureAsync(command.GuildId, [(panel.ChannelId, ChannelUse.Panel)], cancellationToken);
        var view = PanelViews.Of(panel, guild!);
        if (panel.MessageId is not { } live || !await messages.EditAsync(live, view, cancellationToken))
        {
            panel.Published(await messages.PostAsync(view, cancellationToken));
        }

        return PanelDto.From(panel);
    }
}

/// <summary>A panel as its message shows it: the categories in the panel's order, under their current names.</summary>
internal static class PanelViews
{
    public static PanelView Of(Panel panel, TicketGuild guild) =>
        new(panel.Id, panel.ChannelId, panel.Title, panel.Description, panel.Style,
            [.. panel.CategoryIds.Select(id => guild.Categories.Single(c => c.Id == id)).Select(c => new PanelChoice(c.Id, c.Name))],
            BotText.Get(guild.Language, BotText.PanelPlaceholder));

    /// <summary>After an edit: the live message follows the panel, into its new channel if it moved.</summary>
    public static async Task RefreshLiveMessageAsync(this IPanelMessages messages, Panel panel, ulong previousChannelId, TicketGuild guild,
        CancellationToken cancellationToken)
    {
        if (panel.MessageId is not { } live)
        {
            return;
        }

        var view = Of(panel, guild);
        if (panel.ChannelId != previousChannelId)
        {
            await messages.DeleteAsync(previousChannelId, live, cancellationToken);
            panel.Published(await messages.PostAsync(view, cancellationToken));
        }
        else if (!await messages.EditAsync(live, view, cancellationToken))
        {
            // Someone deleted it in Discord: the next publish posts it again.
            panel.Published(null);
        }
    }
}

internal static class PublishPanelEndpoint
{
    public static void Map(IEndpointRouteBuilder panels) =>
        panels.MapPost("/{panelId}/publish", (ulong guildId, Guid panelId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new PublishPanelCommand(guildId, panelId), ct))
            .RequireAuthorization(Policies.GuildAdmin)
            .WithName("PublishPanel")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
