using Microsoft.EntityFrameworkCore;
using TicketSaas.Modules.Identity.Domain.Users;
using TicketSaas.Modules.Identity.Persistence;
using TicketSaas.Modules.Identity.Ports;

namespace TicketSaas.Modules.Identity.Accounts;

/// <summary>Reads a user's guilds from Discord, and their roles where the bot is, into their memberships: at login and at each refresh.</summary>
internal sealed class MembershipSync(IdentityDbContext db, IDiscordAccounts discord)
{
    /// <returns>False when Discord no longer honours the token; the memberships are then left as they were.</returns>
    public async Task<bool> RefreshAsync(ulong userId, string accessToken, CancellationToken cancellationToken)
    {
        if (await discord.GetGuildsAsync(accessToken, cancellationToken) is not { } guilds)
        {
            return false;
        }

        var guildIds = guilds.Select(g => g.GuildId).ToList();
        var botPresent = (await db.BotGuilds.Where(g => g.Present && guildIds.Contains(g.GuildId)).Select(g => g.GuildId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var known = await db.Memberships.Where(m => m.UserId == userId).ToDictionaryAsync(m => m.GuildId, cancellationToken);
        foreach (var guild in guilds)
        {
            IReadOnlyList<ulong> roles = botPresent.Contains(guild.GuildId)
                ? await discord.GetRoleIdsAsync(guild.GuildId, userId, cancellationToken) ?? []
                : [];
            if (known.Remove(guild.GuildId, out var membership))
            {
                membership.Update(guild.Name, guild.Manages, roles);
            }
            else
            {
                db.Memberships.Add(GuildMembership.Of(userId, guild.GuildId, guild.Name, guild.Manages, roles));
            }
        }

        // Guilds the user left.
        db.Memberships.RemoveRange(known.Values);
        return true;
    }
}
