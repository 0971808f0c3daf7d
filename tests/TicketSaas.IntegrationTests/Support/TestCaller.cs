using System.Globalization;
using System.Net.Http.Headers;

namespace TicketSaas.IntegrationTests.Support;

/// <summary>Who a request claims to be, sent through the development-headers authentication.</summary>
public sealed record TestCaller(ulong? UserId, bool PlatformAdmin = false, ulong[]? ManagedGuilds = null, string[]? GuildRoles = null)
{
    public static TestCaller Anonymous { get; } = new((ulong?)null);

    public static TestCaller PlatformAdministrator { get; } = new(900_000_000_000_000_001, PlatformAdmin: true);

    public static TestCaller AdminOf(ulong guildId, ulong userId = 800_000_000_000_000_001) => new(userId, ManagedGuilds: [guildId]);

    public static TestCaller StaffOf(ulong guildId, ulong roleId, ulong userId = 700_000_000_000_000_001) =>
        new(userId, GuildRoles: [$"{guildId}:{roleId}"]);

    public void ApplyTo(HttpRequestHeaders headers)
    {
        if (UserId is null)
        {
            return;
        }

        headers.Add("X-Dev-User", UserId.Value.ToString(CultureInfo.InvariantCulture));
        if (PlatformAdmin)
        {
            headers.Add("X-Dev-Platform-Admin", "true");
        }

        if (ManagedGuilds is { Length: > 0 })
        {
            headers.Add("X-Dev-Managed-Guilds", string.Join(',', ManagedGuilds));
        }

        if (GuildRoles is { Length: > 0 })
        {
            headers.Add("X-Dev-Guild-Roles", string.Join(',', GuildRoles));
        }
    }
}
