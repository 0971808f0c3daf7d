using MediatR;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Desk;

namespace TicketSaas.Modules.Tickets.Features.GetReadableCategories;

/// <summary>
/// Whose tickets the caller may follow in the guild: every category's for its admins, else those of the categories
/// whose staff roles they hold. For hosts that filter what they push (live updates), by the same rule as the list.
/// </summary>
public sealed record GetReadableCategoriesQuery(ulong GuildId) : IQuery<ReadableCategoriesDto>;

/// <param name="All">True for the guild's admins; then <see cref="CategoryIds"/> is empty.</param>
public sealed record ReadableCategoriesDto(bool All, IReadOnlyList<Guid> CategoryIds)
{
    public bool Includes(IEnumerable<Guid> categoryIds) => All || categoryIds.Any(CategoryIds.Contains);
}

internal sealed class GetReadableCategoriesQueryHandler(TicketDesk desk) : IRequestHandler<GetReadableCategoriesQuery, ReadableCategoriesDto>
{
    public async Task<ReadableCategoriesDto> Handle(GetReadableCategoriesQuery query, CancellationToken cancellationToken) =>
        await desk.ReadableCategoriesAsync(query.GuildId, cancellationToken) is { } categories
            ? new ReadableCategoriesDto(false, categories)
            : new ReadableCategoriesDto(true, []);
}
