using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.BuildingBlocks.Application.Paging;
using TicketSaas.Modules.Transcripts.Domain.Documents;
using TicketSaas.Modules.Transcripts.Domain.Transcripts;
using TicketSaas.Modules.Transcripts.Persistence;

namespace TicketSaas.Modules.Transcripts.Features.SearchTranscripts;

/// <summary>
/// One page of a guild's transcripts, newest close first. Guild admins see every transcript; staff only those whose
/// category's staff roles (at close) include one of theirs.
/// </summary>
/// <param name="StaffId">A staff member who wrote in the ticket.</param>
/// <param name="From">Closed at or after.</param>
/// <param name="To">Closed before.</param>
/// <param name="Reason">Part of the close reason.</param>
/// <param name="Text">Words from the messages.</param>
/// <param name="After">The <see cref="TranscriptPageDto.Next"/> of the previous page.</param>
public sealed record SearchTranscriptsQuery(
    ulong GuildId,
    ulong? OpenerId = null,
    ulong? StaffId = null,
    Guid? CategoryId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Reason = null,
    int? Rating = null,
    string? Text = null,
    string? After = null,
    int Limit = SearchTranscriptsQuery.DefaultLimit) : IQuery<TranscriptPageDto>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;
    public const int MaxTextLength = 200;
}

/// <param name="Next">Pass as <c>after</c> for the next page; null on the last page.</param>
public sealed record TranscriptPageDto(IReadOnlyList<TranscriptSummaryDto> Items, string? Next);

/// <param name="PublicId">The ticket's link, <c>/t/{publicId}?close={closeSequence}</c>; without public links it needs a view token.</param>
public sealed record TranscriptSummaryDto(
    Guid Id,
    ulong GuildId,
    Guid TicketId,
    int TicketNumber,
    int CloseSequence,
    string PublicId,
    Guid CategoryId,
    string CategoryName,
    ulong OpenerId,
    ulong? ClaimedBy,
    IReadOnlyList<ulong> StaffParticipantIds,
    ulong? ClosedBy,
    string? CloseReason,
    DateTimeOffset OpenedAt,
    DateTimeOffset ClosedAt,
    int MessageCount,
    int? Rating,
    bool ContentMissing);

internal sealed class SearchTranscriptsQueryValidator : AbstractValidator<SearchTranscriptsQuery>
{
    public SearchTranscriptsQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, SearchTranscriptsQuery.MaxLimit);
        RuleFor(q => q.Rating).InclusiveBetween(1, 5);
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("'to' must be after 'from'.");
        RuleFor(q => q.Reason).MaximumLength(SearchTranscriptsQuery.MaxTextLength);
        RuleFor(q => q.Text).MaximumLength(SearchTranscriptsQuery.MaxTextLength);
        RuleFor(q => q.After).Must(after => after is null || KeysetCursor.TryParse(after, out _))
            .WithMessage("'after' must be the 'next' value of a previous page.");
    }
}

internal sealed class SearchTranscriptsQueryHandler(TranscriptsDbContext db, ICallerAccessor callers)
    : IRequestHandler<SearchTranscriptsQuery, TranscriptPageDto>
{
    public async Task<TranscriptPageDto> Handle(SearchTranscriptsQuery query, CancellationToken cancellationToken)
    {
        var caller = callers.Caller;
        var readableWithRoles = caller.Manages(query.GuildId) ? null : caller.RolesIn(query.GuildId).ToList();
        if (readableWithRoles is [])
        {
            return new TranscriptPageDto([], null);
        }

        var rows = await TranscriptSearch.Page(db, query, readableWithRoles).ToListAsync(cancellationToken);
        if (rows.Count <= query.Limit)
        {
            return new TranscriptPageDto(rows, null);
        }

        var items = rows[..query.Limit];
        var last = items[^1];
        return new TranscriptPageDto(items, new KeysetCursor(last.ClosedAt, last.Id).ToString());
    }
}

/// <summary>The SQL of a page; apart from the handler so that plan tests can explain exactly what it runs.</summary>
internal static class TranscriptSearch
{
    private const string LikeEscape = "\\";

    /// <summary>One row more than the page holds: its presence says there is a next page.</summary>
    public static IQueryable<TranscriptSummaryDto> Page(TranscriptsDbContext db, SearchTranscriptsQuery query, IReadOnlyCollection<ulong>? readableWithRoles)
    {
        var transcripts = Source(db, query.StaffId, readableWithRoles).AsNoTracking().Where(t => t.GuildId == query.GuildId);
        if (query.OpenerId is { } opener)
        {
            transcripts = transcripts.Where(t => t.OpenerId == opener);
        }

        if (query.CategoryId is { } category)
        {
            transcripts = transcripts.Where(t => t.CategoryId == category);
        }

        if (query.Rating is { } rating)
        {
            transcripts = transcripts.Where(t => t.Rating == rating);
        }

        if (query.From is { } from)
        {
            transcripts = transcripts.Where(t => t.ClosedAt >= from);
        }

        if (query.To is { } to)
        {
            transcripts = transcripts.Where(t => t.ClosedAt < to);
        }

        if (ContainsPattern(query.Reason) is { } reason)
        {
            transcripts = transcripts.Where(t => t.CloseReason != null && EF.Functions.Like(t.CloseReason, reason, LikeEscape));
        }

        if (ContainsPattern(query.Text) is { } text)
        {
            transcripts = transcripts.Where(t => EF.Functions.Like(t.SearchText, text, LikeEscape));
        }

        if (query.After is not null && KeysetCursor.TryParse(query.After, out var after))
        {
            transcripts = transcripts.Where(t => t.ClosedAt < after.At || (t.ClosedAt == after.At && t.Id.CompareTo(after.Id) < 0));
        }

        return transcripts.OrderByDescending(t => t.ClosedAt).ThenByDescending(t => t.Id).Take(query.Limit + 1)
            .Select(t => new TranscriptSummaryDto(
                t.Id, t.GuildId, t.TicketId, t.TicketNumber, t.CloseSequence, t.PublicId, t.CategoryId, t.CategoryName, t.OpenerId, t.ClaimedBy,
                t.StaffParticipantIds, t.ClosedBy, t.CloseReason, t.OpenedAt, t.ClosedAt, t.MessageCount, t.Rating, t.ContentMissing));
    }

    /// <summary>
    /// Membership in the JSON id lists (staff who wrote, staff roles) is tested in SQL, so that a page never needs
    /// more than one round trip however few of the guild's transcripts a staff member may read. The list
    /// <c>[1,22,3]</c> becomes <c>,1,22,3,</c>, in which <c>%,22,%</c> matches whole ids only.
    /// </summary>
    private static IQueryable<Transcript> Source(TranscriptsDbContext db, ulong? staffId, IReadOnlyCollection<ulong>? readableWithRoles)
    {
        if (staffId is null && readableWithRoles is null)
        {
            return db.Transcripts;
        }

        var entity = db.Model.FindEntityType(typeof(Transcript))!;
        var conditions = new List<string>();
        var parameters = new List<object>();

        void AnyOf(string property, IEnumerable<ulong> ids)
        {
            var column = entity.FindProperty(property)!.GetColumnName();
            var alternatives = ids.Select(id =>
            {
                parameters.Add(string.Create(CultureInfo.InvariantCulture, $"%,{id},%"));
                return $"REPLACE(REPLACE({column}, '[', ','), ']', ',') LIKE {{{parameters.Count - 1}}}";
            }).ToList();
            conditions.Add($"({string.Join(" OR ", alternatives)})");
        }

        if (staffId is { } staff)
        {
            AnyOf(nameof(Transcript.StaffParticipantIds), [staff]);
        }

        if (readableWithRoles is not null)
        {
            AnyOf(nameof(Transcript.StaffRoleIds), readableWithRoles);
        }

        var sql = $"SELECT * FROM {entity.GetTableName()} WHERE {string.Join(" AND ", conditions)}";
        return db.Transcripts.FromSqlRaw(sql, [.. parameters]);
    }

    private static string? ContainsPattern(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : $"%{text.Trim().Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal).Replace("%", LikeEscape + "%", StringComparison.Ordinal).Replace("_", LikeEscape + "_", StringComparison.Ordinal)}%";
}

/// <summary>What the full-text filter matches: the messages' text, one message a line.</summary>
internal static class TranscriptSearchText
{
    public static string Of(TranscriptDocument document) =>
        string.Join('\n', document.Messages.Select(m => m.Content).Where(content => content.Length > 0));
}

/// <summary>The filters of the list and of the CSV export, read from the query string.</summary>
/// <param name="Staff">A staff member who wrote in the ticket.</param>
/// <param name="Q">Words from the messages.</param>
internal sealed record TranscriptFilterParameters(
    ulong? Opener, ulong? Staff, Guid? Category, DateTimeOffset? From, DateTimeOffset? To, string? Reason, int? Rating, string? Q)
{
    public SearchTranscriptsQuery ToQuery(ulong guildId, string? after, int limit) =>
        new(guildId, Opener, Staff, Category, From, To, Reason, Rating, Q, after, limit);
}

internal static class SearchTranscriptsEndpoint
{
    public static void Map(IEndpointRouteBuilder transcripts) =>
        transcripts.MapGet("/", (ulong guildId, [AsParameters] TranscriptFilterParameters filter, string? after, int? limit, IMediator mediator,
                CancellationToken ct) =>
                mediator.Send(filter.ToQuery(guildId, after, limit ?? SearchTranscriptsQuery.DefaultLimit), ct))
            .RequireAuthorization(Policies.GuildStaff)
            .WithName("SearchTranscripts")
            .ProducesValidationProblem();
}
