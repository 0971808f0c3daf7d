using System.Globalization;
using System.Security.Claims;

namespace TicketSaas.BuildingBlocks.Application.Identity;

/// <summary>Who is asking, read from the claims Identity issued. Both hosts build the same shape.</summary>
public sealed class Caller
{
    private readonly HashSet<ulong> _managedGuilds;
    private readonly ILookup<ulong, ulong> _rolesByGuild;

    private Caller(ulong? userId, bool isPlatformAdmin, HashSet<ulong> managedGuilds, ILookup<ulong, ulong> rolesByGuild)
    {
        UserId = userId;
        IsPlatformAdmin = isPlatformAdmin;
        _managedGuilds = managedGuilds;
        _rolesByGuild = rolesByGuild;
    }

    public static Caller Anonymous { get; } = FromPrincipal(new ClaimsPrincipal());

    public ulong? UserId { get; }

    public bool IsPlatformAdmin { get; }

    public bool IsAuthenticated => UserId is not null;

    public bool Manages(ulong guildId) => IsPlatformAdmin || _managedGuilds.Contains(guildId);

    public IEnumerable<ulong> RolesIn(ulong guildId) => _rolesByGuild[guildId];

    public bool IsMemberWithRolesIn(ulong guildId) => _rolesByGuild.Contains(guildId);

    public static Caller FromPrincipal(ClaimsPrincipal principal)
    {
        var userId = principal.FindFirst(CallerClaimTypes.UserId) is { } claim
            && ulong.TryParse(claim.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (ulong?)null;
        var managed = principal.FindAll(CallerClaimTypes.ManagedGuild)
            .Select(c => ParseSnowflake(c.Value))
            .OfType<ulong>()
            .ToHashSet();
        var roles = principal.FindAll(CallerClaimTypes.GuildRole)
            .Select(c => c.Value.Split(':'))
            .Where(parts => parts.Length == 2 && ParseSnowflake(parts[0]) is not null && ParseSnowflake(parts[1]) is not null)
            .ToLookup(parts => ParseSnowflake(parts[0])!.Value, parts => ParseSnowflake(parts[1])!.Value);
        var isPlatformAdmin = userId is not null && principal.HasClaim(CallerClaimTypes.PlatformAdmin, "true");
        return new Caller(userId, isPlatformAdmin, managed, roles);
    }

    private static ulong? ParseSnowflake(string value) =>
        ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
