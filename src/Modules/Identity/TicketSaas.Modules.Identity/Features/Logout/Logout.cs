using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Identity.Accounts;
using TicketSaas.Modules.Identity.Persistence;

namespace TicketSaas.Modules.Identity.Features.Logout;

/// <summary>Revokes the browser's session: its cookie opens nothing any more, here or in another copy of the browser.</summary>
public sealed record LogoutCommand(string? SessionToken) : ICommand<Unit>;

internal sealed class LogoutCommandValidator : AbstractValidator<LogoutCommand>
{
    public LogoutCommandValidator() =>
        RuleFor(c => c.SessionToken).NotEmpty().WithMessage("Only a browser session logs out; this request carries no session cookie.");
}

internal sealed class LogoutCommandHandler(IdentityDbContext db, TimeProvider clock) : IRequestHandler<LogoutCommand, Unit>
{
    public async Task<Unit> Handle(LogoutCommand command, CancellationToken cancellationToken)
    {
        var hash = SessionTokens.Hash(command.SessionToken!);
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.TokenHash == hash, cancellationToken);
        session?.Revoke(clock.GetUtcNow());
        return Unit.Value;
    }
}

internal static class LogoutEndpoint
{
    public static void Map(IEndpointRouteBuilder auth) =>
        auth.MapPost("/logout", async (HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new LogoutCommand(http.Request.Cookies[IdentityModule.SessionCookie]), ct);
                LoginCookies.DeleteSession(http.Response);
                return Results.NoContent();
            })
            .RequireAuthorization()
            .WithName("Logout")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem();
}
