using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.BuildingBlocks.Domain;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Features.CloseTicket;

namespace TicketSaas.Modules.Tickets.Features.BulkCloseTickets;

/// <summary>
/// Staff close several tickets at once, each exactly as a single close would (<see cref="TicketCloser"/>). A ticket
/// that cannot be closed (unknown, not the caller's, already closed) is reported and left as it was; the others
/// close together in one transaction.
/// </summary>
public sealed record BulkCloseTicketsCommand(ulong GuildId, IReadOnlyList<Guid> TicketIds, string? Reason) : ICommand<BulkCloseResultDto>, IAuditedCommand
{
    public const int MaxTickets = 100;

    public ulong? AuditGuildId => GuildId;
}

/// <param name="Results">One per requested id, in the order asked.</param>
public sealed record BulkCloseResultDto(IReadOnlyList<BulkCloseOutcomeDto> Results);

/// <param name="Error">Null when the ticket closed; else the code (as in problem details) and what went wrong.</param>
public sealed record BulkCloseOutcomeDto(Guid TicketId, bool Closed, int? Status, string? Error, string? Detail);

internal sealed class BulkCloseTicketsCommandValidator : AbstractValidator<BulkCloseTicketsCommand>
{
    public BulkCloseTicketsCommandValidator()
    {
        RuleFor(c => c.TicketIds).NotEmpty()
            .Must(ids => ids.Count <= BulkCloseTicketsCommand.MaxTickets).WithMessage($"At most {BulkCloseTicketsCommand.MaxTickets} tickets at once.")
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("Each ticket may be listed once.");
        RuleForEach(c => c.TicketIds).NotEmpty();
        RuleFor(c => c.Reason).MaximumLength(TicketTexts.MaxReasonLength);
    }
}

internal sealed class BulkCloseTicketsCommandHandler(TicketDesk desk, TicketCloser closer) : IRequestHandler<BulkCloseTicketsCommand, BulkCloseResultDto>
{
    public async Task<BulkCloseResultDto> Handle(BulkCloseTicketsCommand command, CancellationToken cancellationToken)
    {
        var results = new List<BulkCloseOutcomeDto>();
        foreach (var ticketId in command.TicketIds)
        {
            try
            {
                // A refused close throws before it changes anything, so the tickets that do close commit alone.
                closer.Close(await desk.ForStaffAsync(command.GuildId, ticketId, cancellationToken), command.Reason, null);
                results.Add(new BulkCloseOutcomeDto(ticketId, true, null, null, null));
            }
            catch (Exception exception) when (exception is BusinessRuleViolationException or NotFoundException or ForbiddenException)
            {
                var error = ErrorDescription.Of(exception);
                results.Add(new BulkCloseOutcomeDto(ticketId, false, error.Status, error.Code, error.Detail));
            }
        }

        return new BulkCloseResultDto(results);
    }
}

internal static class BulkCloseTicketsEndpoint
{
    public static void Map(IEndpointRouteBuilder tickets) =>
        tickets.MapPost("/bulk-close", (ulong guildId, BulkCloseRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new BulkCloseTicketsCommand(guildId, body.TicketIds ?? [], body.Reason), ct))
            .AsTicketAction("BulkCloseTickets");

    internal sealed record BulkCloseRequest(IReadOnlyList<Guid>? TicketIds, string? Reason);
}
