using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Domain.Blocklist;
using TicketSaas.Modules.Tickets.Features.GetBlocklist;
using TicketSaas.Modules.Tickets.Persistence;

namespace TicketSaas.Modules.Tickets.Features.AddBlocklistEntry;

/// <summary>Blocks a user or a role from opening tickets, until <paramref name="ExpiresAt"/> if given.</summary>
public sealed record AddBlocklistEntryCommand(ulong GuildId, BlockTarget? Target, ulong TargetId, string? Reason, DateTimeOffset? ExpiresAt)
    : ICommand<BlocklistEntryDto>, IAuditedCommand
{
    public ulong? AuditGuildId => GuildId;
}

internal sealed class AddBlocklistEntryCommandValidator : AbstractValidator<AddBlocklistEntryCommand>
{
    public AddBlocklistEntryCommandValidator()
    {
        RuleFor(c => c.GuildId).NotEmpty();
        RuleFor(c => c.Target).NotNull().IsInEnum();
        RuleFor(c => c.TargetId).NotEmpty();
        RuleFor(c => c.Reason).MaximumLength(BlocklistEntry.MaxReasonLength);
    }
}

internal sealed class AddBlocklistEntryCommandHandler(
    TicketsDbContext db, TimeProvider clock, IIntegrationEventPublisher events, ICallerAccessor callers, TicketDesk desk)
    : IRequestHandler<AddBlocklistEntryCommand, BlocklistEntryDto>
{
    public async Task<BlocklistEntryDto> Handle(AddBlocklistEntryCommand command, CancellationToken cancellationToken)
    {
        await desk.EnsureGuildStaffAsync(command.GuildId, cancellationToken);
        var now = clock.GetUtcNow();
        var target = command.Target!.Value;
        var active = await db.BlocklistEntries
            .Where(e => e.GuildId == command.GuildId && e.Target == target && e.TargetId == command.TargetId)
            .Where(e => e.ExpiresAt == null || e.ExpiresAt > now)
            .ToListAsync(cancellationToken);
        var entry = BlocklistEntry.Create(
            command.GuildId, target, command.TargetId, command.Reason, command.ExpiresAt, callers.Caller.UserId, active, now);
        db.BlocklistEntries.Add(entry);
        events.PublishConfigurationChanged(command.GuildId, GuildConfigurationChangedIntegrationEvent.Blocklist, now);
        events.Publish(new UserBlockedIntegrationEvent(Guid.CreateVersion7(now), now, entry.GuildId, target == BlockTarget.User ? "user" : "role", entry.TargetId,
            entry.Reason, entry.ExpiresAt, entry.CreatedBy));
        return BlocklistEntryDto.From(entry, now);
    }
}

internal static class AddBlocklistEntryEndpoint
{
    public static void Map(IEndpointRouteBuilder blocklist) =>
        blocklist.MapPost("/", async (ulong guildId, AddBlocklistEntryRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var entry = await mediator.Send(
                    new AddBlocklistEntryCommand(guildId, body.Target, body.TargetId, body.Reason, body.ExpiresAt), ct);
                return TypedResults.Created($"/api/v1/guilds/{guildId}/blocklist/{entry.Id}", entry);
            })
            .RequireAuthorization(Policies.GuildAdmin)
            .WithName("AddBlocklistEntry")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    internal sealed record AddBlocklistEntryRequest(BlockTarget? Target, ulong TargetId, string? Reason, DateTimeOffset? ExpiresAt);
}
