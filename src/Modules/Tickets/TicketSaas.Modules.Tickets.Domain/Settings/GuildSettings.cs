namespace TicketSaas.Modules.Tickets.Domain.Settings;

/// <summary>Guild-wide ticket settings: the bot's language and the dev mode for testing without limits.</summary>
public sealed record GuildSettings(string Language, bool DevMode, IReadOnlyList<ulong> DeveloperUserIds)
{
    public const string DefaultLanguage = "en";
    public const int MaxDevelopers = 25;

    public static IReadOnlyList<string> Languages { get; } = ["en", "de"];
}
