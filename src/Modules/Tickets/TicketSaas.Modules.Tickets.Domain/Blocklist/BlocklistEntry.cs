using TicketSaas.BuildingBlocks.Domain;

namespace TicketSaas.Modules.Tickets.Domain.Blocklist;

public enum BlockTarget
{
    User,
    Role,
}

/// <summary>
/// A user or role that may not open tickets in a guild, until <see cref="ExpiresAt"/> if set. Expired entries stay
/// as history; they only stop counting.
/// </summary>
public sealed class BlocklistEntry : Entity
{
    public const int MaxReasonLength = 500;

    private BlocklistEntry(Guid id, ulong guildId, BlockTarget target, ulong targetId, string? reason, DateTimeOffset? expiresAt, ulong? createdBy, DateTimeOffset createdAt)
    {
        Id = id;
        GuildId = guildId;
        Target = target;
        TargetId = targetId;
        Reason = reason;
        ExpiresAt = expiresAt;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public ulong GuildId { get; private set; }

    public BlockTarget Target { get; private set; }

    /// <summary>The user's or the role's id.</summary>
    public ulong TargetId { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public ulong? CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsActiveAt(DateTimeOffset now) => ExpiresAt is null || ExpiresAt > now;

    /// <param name="activeForTarget">The guild's entries for the same user or role that are still active.</param>
    public static BlocklistEntry Create(
        ulong guildId, BlockTarget target, ulong targetId, string? reason, DateTimeOffset? expiresAt, ulong? createdBy,
        IReadOnlyList<BlocklistEntry> activeForTarget, DateTimeOffset now)
    {
        CheckRule(new BlockExpiryMustBeInTheFutureRule(expiresAt, now));
        CheckRule(new TargetAlreadyBlockedRule(target, activeForTarget.Count(e => e.IsActiveAt(now))));
        return new BlocklistEntry(Guid.CreateVersion7(now), guildId, target, targetId, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), expiresAt, createdBy, now);
    }
}

public sealed class BlockExpiryMustBeInTheFutureRule(DateTimeOffset? expiresAt, DateTimeOffset now) : IBusinessRule
{
    public string Code => "tickets.block-expiry-in-past";

    public string Message => "The expiry must lie in the future; leave it empty for a block without end.";

    public bool IsBroken() => expiresAt <= now;
}

public sealed class TargetAlreadyBlockedRule(BlockTarget target, int activeEntries) : IBusinessRule
{
    public string Code => "tickets.already-blocked";

    public string Message => $"This {target.ToString().ToLowerInvariant()} is already blocked; remove the entry first to change it.";

    public bool IsBroken() => activeEntries > 0;
}
