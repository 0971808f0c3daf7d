using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Domain.Categories;

namespace TicketSaas.Modules.Tickets.Persistence;

internal static class TicketGuildLoading
{
    /// <summary>The guild's configuration aggregate with its categories and panels, tracked; null before its first change.</summary>
    public static Task<TicketGuild?> FindGuildAsync(this TicketsDbContext db, ulong guildId, CancellationToken cancellationToken) =>
        db.Guilds.Include(g => g.Categories).Include(g => g.Panels).AsSplitQuery()
            .SingleOrDefaultAsync(g => g.GuildId == guildId, cancellationToken);

    public static async Task<TicketGuild> GetGuildAsync(this TicketsDbContext db, ulong guildId, CancellationToken cancellationToken) =>
        await db.FindGuildAsync(guildId, cancellationToken) ?? throw new NotFoundException("Guild configuration", guildId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static async Task<TicketGuild> FindOrCreateGuildAsync(this TicketsDbContext db, ulong guildId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var guild = await db.FindGuildAsync(guildId, cancellationToken);
        if (guild is null)
        {
            guild = TicketGuild.Create(guildId, now);
            db.Guilds.Add(guild);
        }

        return guild;
    }

    /// <summary>Every configuration command tells the bot, in its own transaction, that the guild's configuration changed.</summary>
    public static void PublishConfigurationChanged(this IIntegrationEventPublisher events, ulong guildId, string section, DateTimeOffset now) =>
        events.Publish(new GuildConfigurationChangedIntegrationEvent(Guid.CreateVersion7(now), now, guildId, section));
}
