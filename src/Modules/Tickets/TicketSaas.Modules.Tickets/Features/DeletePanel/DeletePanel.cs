using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Persistence;
using TicketSaas.Modules.Tickets.Ports;

namespace TicketSaas.Modules.Tickets.Features.DeletePanel;

public sealed record DeletePanelCommand(ulong GuildId, Guid PanelId) : ICommand<Unit>, IAuditedCommand
{
    public ulong? AuditGuildId => GuildId;
}

internal sealed class DeletePanelCommandHandler(TicketsDbContext db, TimeProvider clock, IIntegrationEventPublisher events, IPanelMessages messages)
    : IRequestHandler<DeletePanelCommand, Unit>
{
    public async Task<Unit> Handle(DeletePanelCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var guild = await db.FindGuildAsync(command.GuildId, cancellationToken);
        var panel = guild?.Panels.SingleOrDefault(p => p.Id == command.PanelId);
        if (panel is null || !guild!.RemovePanel(command.PanelId, now))
        {
            throw new NotFoundException("Panel", command.PanelId.ToString("D", CultureInfo.InvariantCulture));
        }

        if (panel.MessageId is { } live)
        {
            await messages.DeleteAsync(panel.ChannelId, live, cancellationToken);
        }

        events.PublishConfigurationChanged(command.GuildId, GuildConfigurationChangedIntegrationEvent.Panels, now);
        return Unit.Value;
    }
}

internal static class DeletePanelEndpoint
{
    public static void Map(IEndpointRouteBuilder panels) =>
        panels.MapDelete("/{panelId}", async (ulong guildId, Guid panelId, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeletePanelCommand(guildId, panelId), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.GuildAdmin)
            .WithName("DeletePanel")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
