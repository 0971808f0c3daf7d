using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Domain.Categories;
using TicketSaas.Modules.Tickets.Persistence;

namespace TicketSaas.Modules.Tickets.Features.GetCategories;

public sealed record GetCategoriesQuery(ulong GuildId) : IQuery<IReadOnlyList<CategoryDto>>;

public sealed record CategoryDto(Guid Id, ulong GuildId, string Name, string NamingScheme, DateTimeOffset CreatedAt)
{
    internal static CategoryDto From(Category category) =>
        new(category.Id, category.GuildId, category.Name, category.NamingScheme, category.CreatedAt);
}

internal sealed class GetCategoriesQueryHandler(TicketsDbContext db)
    : IRequestHandler<GetCategoriesQuery, IReadOnlyList<CategoryDto>>
{
    public async Task<IReadOnlyList<CategoryDto>> Handle(GetCategoriesQuery query, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking()
            .Where(c => c.GuildId == query.GuildId)
            .OrderBy(c => c.Name)
            .ToListAsync(cancellationToken);
        return categories.Select(CategoryDto.From).ToList();
    }
}

internal static class GetCategoriesEndpoint
{
    public static void Map(IEndpointRouteBuilder categories) =>
        categories.MapGet("/", (ulong guildId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetCategoriesQuery(guildId), ct))
            .RequireAuthorization(Policies.GuildStaff)
            .WithName("GetCategories");
}
