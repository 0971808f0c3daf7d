using TicketSaas.BuildingBlocks.Domain;

namespace TicketSaas.Modules.Identity.Domain.Users;

/// <summary>A Discord user who logged in at least once, as Discord last described them.</summary>
public sealed class User : Entity
{
    private User(ulong id, string username, string displayName, string? avatar, DateTimeOffset firstLoginAt, DateTimeOffset lastLoginAt)
    {
        Id = id;
        Username = username;
        DisplayName = displayName;
        Avatar = avatar;
        FirstLoginAt = firstLoginAt;
        LastLoginAt = lastLoginAt;
    }

    public ulong Id { get; private set; }

    public string Username { get; private set; }

    public string DisplayName { get; private set; }

    /// <summary>Discord's avatar hash; null for the default avatar.</summary>
    public string? Avatar { get; private set; }

    public DateTimeOffset FirstLoginAt { get; private set; }

    public DateTimeOffset LastLoginAt { get; private set; }

    public static User FirstLogin(ulong id, string username, string displayName, string? avatar, DateTimeOffset now) =>
        new(id, username, displayName, avatar, now, now);

    public void LoggedIn(string username, string displayName, string? avatar, DateTimeOffset now)
    {
        Username = username;
        DisplayName = displayName;
        Avatar = avatar;
        LastLoginAt = now;
    }
}
