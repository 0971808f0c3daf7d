using TicketSaas.BuildingBlocks.Domain;

namespace TicketSaas.Modules.Identity.Domain.PlatformAdmins;

/// <summary>A Discord user who runs the platform: plans, subscriptions, guilds, overrides.</summary>
public sealed class PlatformAdmin : Entity
{
    private PlatformAdmin(ulong userId, ulong? grantedBy, DateTimeOffset grantedAt)
    {
        UserId = userId;
        GrantedBy = grantedBy;
        GrantedAt = grantedAt;
    }

    public ulong UserId { get; private set; }

    /// <summary>Null when granted from configuration at installation.</summary>
    public ulong? GrantedBy { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }

    public static PlatformAdmin Grant(ulong userId, ulong? grantedBy, DateTimeOffset now) => new(userId, grantedBy, now);
}
