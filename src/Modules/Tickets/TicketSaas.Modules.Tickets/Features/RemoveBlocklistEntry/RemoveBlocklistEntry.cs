using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Persistence;

namespace TicketSaas.Modules.Tickets.Features.RemoveBlocklistEntry;

/// <summary>Lifts a block (active or expired); the audit log keeps what it was.</summary>
public sealed record RemoveBlocklistEntryCommand(ulong GuildId, Guid EntryId) : ICommand<Unit>, IAuditedCommand
{
    public ulong? AuditGuildId => GuildId;
}

internal sealed class RemoveBlocklistEntryCommandHandler(TicketsDbContext db, TimeProvider clock, IIntegrationEventPublisher events, TicketDesk desk)
    : IRequestHandler<RemoveBlocklistEntryCommand, Unit>
{
    public async Task<Unit> Handle(RemoveBlocklistEntryCommand command, CancellationToken cancellationToken)
    {
        await desk.EnsureGuildStaffAsync(command.GuildId, cancellationToken);
        var entry = await db.BlocklistEntries
            .SingleOrDefaultAsync(e => e.GuildId == command.GuildId && e.Id == command.EntryId, cancellationToken)
            ?? throw new NotFoundException("Blocklist entry", command.EntryId.ToString("D", CultureInfo.InvariantCulture));
        db.BlocklistEntries.Remove(entry);
        events.PublishConfigurationChanged(command.GuildId, GuildConfigurationChangedIntegrationEvent.Blocklist, clock.GetUtcNow());
        return Unit.Value;
    }
}

internal static class RemoveBlocklistEntryEndpoint
{
    public static void Map(IEndpointRouteBuilder blocklist) =>
        blocklist.MapDelete("/{entryId}", async (ulong guildId, Guid entryId, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RemoveBlocklistEntryCommand(guildId, entryId), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.GuildAdmin)
            .WithName("RemoveBlocklistEntry")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
