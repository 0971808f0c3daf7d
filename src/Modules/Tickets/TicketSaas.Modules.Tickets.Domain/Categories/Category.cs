using TicketSaas.BuildingBlocks.Domain;

namespace TicketSaas.Modules.Tickets.Domain.Categories;

/// <summary>
/// A kind of ticket a member can open: its name, how its threads are named, its staff and channels, its anti-spam
/// limits, its form and its inactivity timer.
/// </summary>
public sealed class Category : Entity
{
    internal Category(Guid id, ulong guildId, string name, string namingScheme, DateTimeOffset createdAt)
    {
        Id = id;
        GuildId = guildId;
        Name = name;
        NamingScheme = namingScheme;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public ulong GuildId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Thread name template, e.g. <c>{category}-{number:0000}</c>; see <see cref="ThreadNamingScheme"/>.</summary>
    public string NamingScheme { get; private set; }

    /// <summary>Roles whose members work this category's tickets.</summary>
    public IReadOnlyList<ulong> StaffRoleIds { get; private set; } = [];

    /// <summary>The channel whose private threads are this category's tickets; none until an admin picks one.</summary>
    public ulong? ParentChannelId { get; private set; }

    /// <summary>Where transcripts and notices of this category are posted.</summary>
    public ulong? LogChannelId { get; private set; }

    /// <summary>How many tickets of this category one member may have open at once.</summary>
    public int OpenTicketLimit { get; private set; } = CategorySettings.DefaultOpenTicketLimit;

    /// <summary>How long a member waits after opening a ticket of this category before opening another.</summary>
    public int CooldownSeconds { get; private set; }

    /// <summary>Roles exempt from the open-ticket limit and the cooldown.</summary>
    public IReadOnlyList<ulong> BypassRoleIds { get; private set; } = [];

    public IReadOnlyList<FormQuestion> FormQuestions { get; private set; } = [];

    /// <summary>Inactive tickets close after this many hours; null turns the timer off.</summary>
    public int? AutoCloseAfterHours { get; private set; } = CategorySettings.DefaultAutoCloseAfterHours;

    /// <summary>How many hours before the automatic close the ticket is warned; zero sends no warning.</summary>
    public int WarningBeforeCloseHours { get; private set; } = CategorySettings.DefaultWarningBeforeCloseHours;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    internal void Change(CategorySettings settings, DateTimeOffset now)
    {
        Name = settings.Name.Trim();
        NamingScheme = settings.NamingScheme;
        StaffRoleIds = [.. settings.StaffRoleIds];
        ParentChannelId = settings.ParentChannelId;
        LogChannelId = settings.LogChannelId;
        OpenTicketLimit = settings.OpenTicketLimit;
        CooldownSeconds = settings.CooldownSeconds;
        BypassRoleIds = [.. settings.BypassRoleIds];
        FormQuestions = [.. settings.FormQuestions];
        AutoCloseAfterHours = settings.AutoCloseAfterHours;
        WarningBeforeCloseHours = settings.WarningBeforeCloseHours;
        UpdatedAt = now;
    }
}
