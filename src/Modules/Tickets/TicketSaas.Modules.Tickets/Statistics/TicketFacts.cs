using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Persistence;

namespace TicketSaas.Modules.Tickets.Statistics;

/// <summary>
/// A statistics query over whole days, <see cref="From"/> to <see cref="To"/> inclusive. Days are UTC: guilds have no
/// time zone setting, and a day that means different instants to different staff would make figures disagree.
/// </summary>
internal interface IPeriodQuery
{
    ulong GuildId { get; }

    DateOnly From { get; }

    DateOnly To { get; }
}

internal sealed class PeriodQueryValidator : AbstractValidator<IPeriodQuery>
{
    /// <summary>A year and a day: a leap year fits, and no request reads more than that.</summary>
    public const int MaxDays = 366;

    public PeriodQueryValidator() =>
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).WithMessage("'to' must not be before 'from'.")
            .Must((q, to) => to.DayNumber - q.From.DayNumber < MaxDays).WithMessage($"A period is at most {MaxDays} days.");
}

/// <summary>What statistics need of one ticket.</summary>
internal sealed record TicketFact(
    Guid CategoryId,
    ulong? ClaimedBy,
    TicketStatus Status,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? FirstStaffResponseAt,
    DateTimeOffset? ClosedAt,
    int? Rating);

internal static class TicketFacts
{
    public static DateTimeOffset Start(this IPeriodQuery query) => new(query.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The first instant after the period.</summary>
    public static DateTimeOffset End(this IPeriodQuery query) => new(query.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static bool Within(this IPeriodQuery query, DateTimeOffset? at) => at >= query.Start() && at < query.End();

    /// <summary>The tickets opened or closed in the period, of the categories the caller may read (null: all).</summary>
    public static Task<List<TicketFact>> LoadAsync(TicketsDbContext db, IPeriodQuery query, IReadOnlyList<Guid>? readableCategories,
        CancellationToken cancellationToken)
    {
        var (start, end) = (query.Start(), query.End());
        var tickets = db.Tickets.AsNoTracking().Where(t => t.GuildId == query.GuildId
            && ((t.OpenedAt >= start && t.OpenedAt < end) || (t.ClosedAt >= start && t.ClosedAt < end)));
        if (readableCategories is not null)
        {
            tickets = tickets.Where(t => EF.Constant(readableCategories).Contains(t.CategoryId));
        }

        return tickets.Select(t => new TicketFact(t.CategoryId, t.ClaimedBy, t.Status, t.OpenedAt, t.FirstStaffResponseAt, t.ClosedAt, t.Rating))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>How long something took, over a set of tickets.</summary>
/// <param name="MedianSeconds">The nearest-rank median: the middle value, the lower of the two middle ones for an even count.</param>
public sealed record DurationDto(int Count, double? MedianSeconds, double? AverageSeconds)
{
    internal static DurationDto Of(IEnumerable<TimeSpan> durations)
    {
        var seconds = durations.Select(d => d.TotalSeconds).Order().ToList();
        return seconds.Count == 0
            ? new DurationDto(0, null, null)
            : new DurationDto(seconds.Count, seconds[(seconds.Count - 1) / 2], Math.Round(seconds.Average(), 3));
    }
}
