using TicketSaas.Modules.Tickets.Domain.Blocklist;
using TicketSaas.Modules.Tickets.Domain.Categories;

namespace TicketSaas.Modules.Tickets.Domain.Tickets;

public enum RefusalReason
{
    BlockedUser,
    BlockedRole,
    OpenTicketLimit,
    Cooldown,
}

/// <summary>Why a member may not open a ticket now, with what the reply needs to say so.</summary>
/// <param name="Until">When a block expires or the cooldown ends; null for a block without end.</param>
public sealed record Refusal(RefusalReason Reason, int Limit = 0, DateTimeOffset? Until = null, string? BlockReason = null);

/// <summary>The member asking to open a ticket, as Discord describes them in the interaction.</summary>
public sealed record Opener(ulong UserId, string Username, IReadOnlyList<ulong> RoleIds);

/// <summary>
/// Anti-spam and the blocklist, in the order a member should hear about them: a block first (nothing else helps),
/// then the open-ticket limit, then the cooldown. Bypass roles and the guild's dev mode lift limit and cooldown,
/// never a block.
/// </summary>
public static class TicketEligibility
{
    /// <param name="blocks">The guild's blocklist entries (any state).</param>
    /// <param name="openTickets">The member's tickets of this category that are opening or open.</param>
    /// <param name="lastCreatedAt">When the member last opened a ticket of this category, if ever.</param>
    public static Refusal? Check(
        TicketGuild guild, Category category, Opener opener, IEnumerable<BlocklistEntry> blocks, int openTickets,
        DateTimeOffset? lastCreatedAt, DateTimeOffset now)
    {
        var block = blocks
            .Where(b => b.IsActiveAt(now))
            .Where(b => b.Target == BlockTarget.User ? b.TargetId == opener.UserId : opener.RoleIds.Contains(b.TargetId))
            .OrderBy(b => b.Target)
            .FirstOrDefault();
        if (block is not null)
        {
            return new Refusal(block.Target == BlockTarget.User ? RefusalReason.BlockedUser : RefusalReason.BlockedRole,
                Until: block.ExpiresAt, BlockReason: block.Reason);
        }

        var exempt = (guild.DevMode && guild.DeveloperUserIds.Contains(opener.UserId))
            || category.BypassRoleIds.Intersect(opener.RoleIds).Any();
        if (exempt)
        {
            return null;
        }

        if (openTickets >= category.OpenTicketLimit)
        {
            return new Refusal(RefusalReason.OpenTicketLimit, Limit: category.OpenTicketLimit);
        }

        if (lastCreatedAt is { } last && category.CooldownSeconds > 0 && last.AddSeconds(category.CooldownSeconds) > now)
        {
            return new Refusal(RefusalReason.Cooldown, Until: last.AddSeconds(category.CooldownSeconds));
        }

        return null;
    }
}
