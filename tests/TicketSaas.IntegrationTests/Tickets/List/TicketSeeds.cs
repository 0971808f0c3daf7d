using Microsoft.Extensions.DependencyInjection;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Tickets.Domain.Categories;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Persistence;

namespace TicketSaas.IntegrationTests.Tickets.List;

/// <summary>
/// A ticket as the bot would have left it, given when things happened: opened, first answered by its claimer, closed
/// and rated. Times are whole seconds, which both databases keep exactly.
/// </summary>
internal sealed record TicketSeed(int Category, DateTimeOffset OpenedAt)
{
    public ulong OpenerId { get; init; } = SeededGuild.Opener;

    public ulong? ClaimedBy { get; init; }

    public TimeSpan? FirstResponseAfter { get; init; }

    public TimeSpan? ClosedAfter { get; init; }

    public int? Rating { get; init; }
}

/// <summary>A guild written straight to the Tickets tables: categories each worked by its own staff role, and tickets.</summary>
internal sealed record SeededGuild(ulong Id, IReadOnlyList<Guid> Categories, IReadOnlyList<ulong> StaffRoles, IReadOnlyList<Guid> Tickets)
{
    public const ulong Opener = 610_000_000_000_000_001;
    public const ulong StaffA = 700_000_000_000_000_011;
    public const ulong StaffB = 700_000_000_000_000_012;

    public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    /// <summary>Role ids are derived from the guild id, so guilds never share a role.</summary>
    public static async Task<SeededGuild> CreateAsync(ApiHost api, int categories, IReadOnlyList<TicketSeed> tickets)
    {
        var guildId = GuildIds.Next();
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        var guild = TicketGuild.Create(guildId, Now);
        var roles = Enumerable.Range(1, categories).Select(i => 900_000_000_000_000_000 + guildId % 1_000_000 * 100 + (ulong)i).ToList();
        var made = roles.Select((role, i) =>
        {
            var category = guild.AddCategory($"Category {i + 1}", "{category}-{number}", Now);
            guild.UpdateCategory(category.Id, new CategorySettings(
                category.Name, category.NamingScheme, [role], 500_000_000_000_000_000 + (ulong)i, null, 1, 0, [], [], null, 12), Now);
            return category;
        }).ToList();
        db.Guilds.Add(guild);

        var ids = new List<Guid>();
        foreach (var (seed, number) in tickets.Select((seed, i) => (seed, i + 1)))
        {
            var ticket = Ticket.Begin(guildId, number, made[seed.Category], seed.OpenerId, "alice", [], (ulong)number, seed.OpenedAt.AddSeconds(-1));
            ticket.AttachThread(guildId + (ulong)number);
            var noTimer = InactivityPolicy.Of(null);
            ticket.MarkOpen(seed.OpenedAt, noTimer);
            if (seed.ClaimedBy is { } staff)
            {
                ticket.Claim(staff);
                if (seed.FirstResponseAfter is { } after)
                {
                    ticket.RecordActivity(seed.OpenedAt + after, staff, byStaff: true, noTimer);
                }
            }

            if (seed.ClosedAfter is { } closedAfter)
            {
                ticket.Close(seed.ClaimedBy ?? StaffA, null, seed.OpenedAt + closedAfter);
                if (seed.Rating is { } stars)
                {
                    ticket.Rate(seed.OpenerId, stars, seed.OpenedAt + closedAfter);
                }
            }

            db.Tickets.Add(ticket);
            ids.Add(ticket.Id);
        }

        await db.SaveChangesAsync();
        return new SeededGuild(guildId, [.. made.Select(c => c.Id)], roles, ids);
    }

    public TestCaller Admin => TestCaller.AdminOf(Id);

    /// <summary>A member holding the staff role of one category.</summary>
    public TestCaller StaffOf(int category) => TestCaller.StaffOf(Id, StaffRoles[category]);

    public string Api => $"/api/v1/guilds/{Id}";
}
