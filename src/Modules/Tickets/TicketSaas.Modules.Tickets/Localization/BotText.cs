using System.Globalization;
using System.Resources;

namespace TicketSaas.Modules.Tickets.Localization;

/// <summary>
/// Every text the bot shows members, in the guild's language (<c>BotTexts.resx</c> is English, <c>BotTexts.de.resx</c>
/// German). Formats take their arguments in the invariant culture: they are numbers and Discord markup.
/// </summary>
internal static class BotText
{
    public const string PanelPlaceholder = nameof(PanelPlaceholder);
    public const string UnknownComponent = nameof(UnknownComponent);
    public const string GuildOnly = nameof(GuildOnly);
    public const string PanelUnavailable = nameof(PanelUnavailable);
    public const string CategoryUnavailable = nameof(CategoryUnavailable);
    public const string CategoryNotReady = nameof(CategoryNotReady);
    public const string BlockedUser = nameof(BlockedUser);
    public const string BlockedRole = nameof(BlockedRole);
    public const string BlockReason = nameof(BlockReason);
    public const string BlockEnds = nameof(BlockEnds);
    public const string OpenTicketLimit = nameof(OpenTicketLimit);
    public const string Cooldown = nameof(Cooldown);
    public const string FormAlreadySubmitted = nameof(FormAlreadySubmitted);
    public const string FormChanged = nameof(FormChanged);
    public const string FormRequired = nameof(FormRequired);
    public const string FormTooShort = nameof(FormTooShort);
    public const string FormTooLong = nameof(FormTooLong);
    public const string FormUnknownChoice = nameof(FormUnknownChoice);
    public const string Opened = nameof(Opened);
    public const string OpenFailedPermissions = nameof(OpenFailedPermissions);
    public const string OpenFailedDiscord = nameof(OpenFailedDiscord);
    public const string Busy = nameof(Busy);
    public const string Unexpected = nameof(Unexpected);
    public const string WelcomeTitle = nameof(WelcomeTitle);
    public const string WelcomeWithStaff = nameof(WelcomeWithStaff);
    public const string WelcomeNoStaff = nameof(WelcomeNoStaff);
    public const string Claim = nameof(Claim);
    public const string Close = nameof(Close);
    public const string CloseWithReason = nameof(CloseWithReason);

    private static readonly ResourceManager Resources = new("TicketSaas.Modules.Tickets.Localization.BotTexts", typeof(BotText).Assembly);

    public static string Get(string language, string key, params object[] arguments)
    {
        var text = Resources.GetString(key, CultureInfo.GetCultureInfo(language))
            ?? throw new InvalidOperationException($"No bot text {key}.");
        return arguments.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, arguments);
    }
}
