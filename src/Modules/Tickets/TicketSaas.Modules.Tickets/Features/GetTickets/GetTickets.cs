using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.BuildingBlocks.Application.Paging;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Persistence;

namespace TicketSaas.Modules.Tickets.Features.GetTickets;

/// <summary>
/// One page of a guild's tickets, newest first. Guild admins see every ticket; staff only those of the categories
/// whose staff roles they hold (the same rule as acting on a ticket).
/// </summary>
/// <param name="Status"><c>open</c> or <c>closed</c>; any status when null.</param>
/// <param name="From">Created at or after.</param>
/// <param name="To">Created before.</param>
/// <param name="After">The <see cref="TicketPageDto.Next"/> of the previous page.</param>
public sealed record GetTicketsQuery(
    ulong GuildId,
    string? Status = null,
    Guid? CategoryId = null,
    ulong? OpenerId = null,
    ulong? ClaimedBy = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? After = null,
    int Limit = GetTicketsQuery.DefaultLimit) : IQuery<TicketPageDto>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;
    public const string Open = "open";
    public const string Closed = "closed";
}

/// <param name="Next">Pass as <c>after</c> for the next page; null on the last page.</param>
public sealed record TicketPageDto(IReadOnlyList<TicketSummaryDto> Items, string? Next);

public sealed record TicketSummaryDto(
    Guid Id,
    int Number,
    TicketStatus Status,
    Guid CategoryId,
    ulong OpenerId,
    string ThreadName,
    ulong? ThreadId,
    ulong? ClaimedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt,
    int? Rating);

internal sealed class GetTicketsQueryValidator : AbstractValidator<GetTicketsQuery>
{
    public GetTicketsQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, GetTicketsQuery.MaxLimit);
        RuleFor(q => q.Status).Must(status => status is null or GetTicketsQuery.Open or GetTicketsQuery.Closed)
            .WithMessage("'status' must be 'open' or 'closed'.");
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("'to' must be after 'from'.");
        RuleFor(q => q.After).Must(after => after is null || KeysetCursor.TryParse(after, out _))
            .WithMessage("'after' must be the 'next' value of a previous page.");
    }
}

internal sealed class GetTicketsQueryHandler(TicketsDbContext db, TicketDesk desk) : IRequestHandler<GetTicketsQuery, TicketPageDto>
{
    public async Task<TicketPageDto> Handle(GetTicketsQuery query, CancellationToken cancellationToken)
    {
        var readable = await desk.ReadableCategoriesAsync(query.GuildId, cancellationToken);
        if (readable is [])
        {
            return new TicketPageDto([], null);
        }

        var rows = await TicketList.Page(db, query, readable).ToListAsync(cancellationToken);
        if (rows.Count <= query.Limit)
        {
            return new TicketPageDto(rows, null);
        }

        var items = rows[..query.Limit];
        return new TicketPageDto(items, new KeysetCursor(items[^1].CreatedAt, items[^1].Id).ToString());
    }
}

/// <summary>The SQL of a page; apart from the handler so that plan tests can explain exactly what it runs.</summary>
internal static class TicketList
{
    /// <summary>One row more than the page holds: its presence says there is a next page.</summary>
    /// <param name="readableCategories">Null: every category.</param>
    public static IQueryable<TicketSummaryDto> Page(TicketsDbContext db, GetTicketsQuery query, IReadOnlyList<Guid>? readableCategories)
    {
        var tickets = db.Tickets.AsNoTracking().Where(t => t.GuildId == query.GuildId);
        if (readableCategories is not null)
        {
            // Inlined, so that the plan (and its index) is the one a fixed list gets, not a JSON table's.
            tickets = tickets.Where(t => EF.Constant(readableCategories).Contains(t.CategoryId));
        }

        tickets = query.Status switch
        {
            GetTicketsQuery.Open => tickets.Where(t => t.Status == TicketStatus.Open),
            GetTicketsQuery.Closed => tickets.Where(t => t.Status == TicketStatus.Closed),
            _ => tickets,
        };

        if (query.CategoryId is { } category)
        {
            tickets = tickets.Where(t => t.CategoryId == category);
        }

        if (query.OpenerId is { } opener)
        {
            tickets = tickets.Where(t => t.OpenerId == opener);
        }

        if (query.ClaimedBy is { } claimer)
        {
            tickets = tickets.Where(t => t.ClaimedBy == claimer);
        }

        if (query.From is { } from)
        {
            tickets = tickets.Where(t => t.CreatedAt >= from);
        }

        if (query.To is { } to)
        {
            tickets = tickets.Where(t => t.CreatedAt < to);
        }

        if (query.After is not null && KeysetCursor.TryParse(query.After, out var after))
        {
            tickets = tickets.Where(t => t.CreatedAt < after.At || (t.CreatedAt == after.At && t.Id.CompareTo(after.Id) < 0));
        }

        return tickets.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Take(query.Limit + 1)
            .Select(t => new TicketSummaryDto(
                t.Id, t.Number, t.Status, t.CategoryId, t.OpenerId, t.ThreadName, t.ThreadId, t.ClaimedBy, t.CreatedAt, t.ClosedAt, t.Rating));
    }
}

/// <summary>The filters of the list, read from the query string.</summary>
internal sealed record TicketFilterParameters(
    string? Status, Guid? Category, ulong? Opener, ulong? Claimer, DateTimeOffset? From, DateTimeOffset? To, string? After, int? Limit)
{
    public GetTicketsQuery ToQuery(ulong guildId) =>
        new(guildId, Status, Category, Opener, Claimer, From, To, After, Limit ?? GetTicketsQuery.DefaultLimit);
}

internal static class GetTicketsEndpoint
{
    public static void Map(IEndpointRouteBuilder tickets) =>
        tickets.MapGet("/", (ulong guildId, [AsParameters] TicketFilterParameters filter, IMediator mediator, CancellationToken ct) =>
                mediator.Send(filter.ToQuery(guildId), ct))
            .RequireAuthorization(Policies.GuildStaff)
            .WithName("GetTickets")
            .ProducesValidationProblem();
}
