namespace TicketSaas.Modules.Tickets.Domain.Categories;

/// <summary>
/// Everything about a category an admin can change at once: who works its tickets, where its threads and logs go,
/// the anti-spam limits, its form and its inactivity timer.
/// </summary>
public sealed record CategorySettings(
    string Name,
    string NamingScheme,
    IReadOnlyList<ulong> StaffRoleIds,
    ulong? ParentChannelId,
    ulong? LogChannelId,
    int OpenTicketLimit,
    int CooldownSeconds,
    IReadOnlyList<ulong> BypassRoleIds,
    IReadOnlyList<FormQuestion> FormQuestions,
    int? AutoCloseAfterHours,
    int WarningBeforeCloseHours)
{
    public const int MaxRoles = 25;
    public const int DefaultOpenTicketLimit = 1;
    public const int MaxOpenTicketLimit = 10;
    public const int MaxCooldownSeconds = 24 * 60 * 60;
    public const int DefaultAutoCloseAfterHours = 72;
    public const int MaxAutoCloseAfterHours = 30 * 24;
    public const int DefaultWarningBeforeCloseHours = 12;
}
