using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Domain.Categories;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Features.GetTicket;
using TicketSaas.Modules.Tickets.Localization;

namespace TicketSaas.Modules.Tickets.Features.RenameTicket;

/// <summary>Gives the ticket's thread a new name.</summary>
public sealed record RenameTicketCommand(ulong GuildId, Guid TicketId, string Name, DeferredReplyDto? Reply) : ICommand<TicketDto>, IAuditedCommand
{
    public ulong? AuditGuildId => GuildId;
}

internal sealed class RenameTicketCommandValidator : AbstractValidator<RenameTicketCommand>
{
    public RenameTicketCommandValidator() =>
        RuleFor(c => c.Name).Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("A ticket needs a name.")
            .MaximumLength(ThreadNamingScheme.MaxLength);
}

internal sealed class RenameTicketCommandHandler(TicketDesk desk, IIntegrationEventPublisher events, TimeProvider clock)
    : IRequestHandler<RenameTicketCommand, TicketDto>
{
    public async Task<TicketDto> Handle(RenameTicketCommand command, CancellationToken cancellationToken)
    {
        var t = await desk.ForStaffAsync(command.GuildId, command.TicketId, cancellationToken);
        var name = command.Name.Trim();
        t.Ticket.Rename(name);
        desk.Enqueue(t.Ticket, new RenameThread(t.Ticket.ThreadId!.Value, name));
        desk.Announce(t, command.Reply, t.Text(BotText.Renamed, t.ActorMention, name));
        var now = clock.GetUtcNow();
        events.Publish(new TicketRenamedIntegrationEvent(Guid.CreateVersion7(now), now, t.Ticket.GuildId, t.Ticket.Id, t.Ticket.Number, t.Ticket.CategoryId, name, t.Actor));
        return TicketDto.From(t.Ticket);
    }
}

internal static class RenameTicketEndpoint
{
    public static void Map(IEndpointRouteBuilder tickets) =>
        tickets.MapPost("/{ticketId}/rename", (ulong guildId, Guid ticketId, RenameTicketRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RenameTicketCommand(guildId, ticketId, body.Name ?? "", null), ct))
            .AsTicketAction("RenameTicket");

    internal sealed record RenameTicketRequest(string? Name);
}
