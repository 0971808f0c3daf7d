using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TicketSaas.BuildingBlocks.Application.Identity;

namespace TicketSaas.Modules.Tickets.Desk;

internal static class TicketActionEndpoints
{
    /// <summary>
    /// An action on one ticket: open to anyone with a role in the guild, narrowed by the handler to the ticket's
    /// category staff and the guild's admins (403); another guild's or an unknown ticket is 404; a ticket in the wrong
    /// state for the action is 422.
    /// </summary>
    public static RouteHandlerBuilder AsTicketAction(this RouteHandlerBuilder endpoint, string name) =>
        endpoint.RequireAuthorization(Policies.GuildStaff)
            .WithName(name)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
