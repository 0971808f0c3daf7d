using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Domain.Blocklist;
using TicketSaas.Modules.Tickets.Domain.Categories;
using TicketSaas.Modules.Tickets.Persistence;

namespace TicketSaas.Modules.Tickets.Configuration;

/// <summary>A guild's ticket configuration as one read-only snapshot: what every click on a panel consults.</summary>
internal sealed record GuildConfiguration(TicketGuild Guild, IReadOnlyList<BlocklistEntry> Blocklist);

/// <summary>
/// The configurations of the guilds this process serves, kept in memory so a click costs no configuration query.
/// An admin's change reaches every process through <see cref="ForgetChangedGuildConfiguration"/>; the short
/// lifetime only bounds the staleness should a process miss that event (events are best effort per process).
/// </summary>
internal sealed class GuildConfigurations(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<ulong, Entry> _entries = new();

    /// <returns>null when the guild has never been configured.</returns>
    public async Task<GuildConfiguration?> GetAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var entry = _entries.AddOrUpdate(
            guildId,
            _ => new Entry(new Lazy<Task<GuildConfiguration?>>(() => LoadAsync(guildId)), now),
            (_, current) => current.IsFreshAt(now) && !current.Load.Value.IsFaulted
                ? current
                : new Entry(new Lazy<Task<GuildConfiguration?>>(() => LoadAsync(guildId)), now));
        return await entry.Load.Value.WaitAsync(cancellationToken);
    }

    /// <summary>Loads that are under way finish for their waiting callers; the next caller loads afresh.</summary>
    public void Forget(ulong guildId) => _entries.TryRemove(guildId, out _);

    private async Task<GuildConfiguration?> LoadAsync(ulong guildId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        var guild = await db.Guilds.AsNoTracking().Include(g => g.Categories).Include(g => g.Panels).AsSplitQuery()
            .SingleOrDefaultAsync(g => g.GuildId == guildId);
        if (guild is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var blocklist = await db.BlocklistEntries.AsNoTracking()
            .Where(e => e.GuildId == guildId && (e.ExpiresAt == null || e.ExpiresAt > now))
            .ToListAsync();
        return new GuildConfiguration(guild, blocklist);
    }

    private sealed record Entry(Lazy<Task<GuildConfiguration?>> Load, DateTimeOffset LoadedAt)
    {
        public bool IsFreshAt(DateTimeOffset now) => now - LoadedAt < Lifetime;
    }
}

/// <summary>Runs in every process: the guild's next click reads its new configuration.</summary>
internal sealed class ForgetChangedGuildConfiguration(GuildConfigurations configurations)
    : IProcessWideEventHandler<GuildConfigurationChangedIntegrationEvent>
{
    public Task Handle(GuildConfigurationChangedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        configurations.Forget(integrationEvent.GuildId);
        return Task.CompletedTask;
    }
}
