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

namespace TicketSaas.Modules.Tickets.Features.DeleteCategory;

/// <summary>Removes a category no panel offers any more (<c>tickets.category-in-use</c> otherwise).</summary>
public sealed record DeleteCategoryCommand(ulong GuildId, Guid CategoryId) : ICommand<Unit>, IAuditedCommand
{
    public ulong? AuditGuildId => GuildId;
}

internal sealed class DeleteCategoryCommandHandler(TicketsDbContext db, TimeProvider clock, IIntegrationEventPublisher events)
    : IRequestHandler<DeleteCategoryCommand, Unit>
{
    public async Task<Unit> Handle(DeleteCategoryCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var guild = await db.FindGuildAsync(command.GuildId, cancellationToken);
        if (guild is null || !guild.RemoveCategory(command.CategoryId, now))
        {
            throw new NotFoundException("Category", command.CategoryId.ToString("D", CultureInfo.InvariantCulture));
        }

        events.PublishConfigurationChanged(command.GuildId, GuildConfigurationChangedIntegrationEvent.Categories, now);
        return Unit.Value;
    }
}

internal static class DeleteCategoryEndpoint
{
    public static void Map(IEndpointRouteBuilder categories) =>
        categories.MapDelete("/{categoryId}", async (ulong guildId, Guid categoryId, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteCategoryCommand(guildId, categoryId), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.GuildAdmin)
            .WithName("DeleteCategory")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
