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
    public const string MovedFrom = nameof(MovedFrom);
    public const string MovedTo = nameof(MovedTo);
    public const string MovingTo = nameof(MovingTo);
    public const string MoveChoose = nameof(MoveChoose);
    public const string NoMoveTarget = nameof(NoMoveTarget);
    public const string Claimed = nameof(Claimed);
    public const string Unclaimed = nameof(Unclaimed);
    public const string Unclaim = nameof(Unclaim);
    public const string Closed = nameof(Closed);
    public const string ClosedWithReason = nameof(ClosedWithReason);
    public const string AutoClosed = nameof(AutoClosed);
    public const string Reopen = nameof(Reopen);
    public const string Reopened = nameof(Reopened);
    public const string CloseConfirm = nameof(CloseConfirm);
    public const string ConfirmClose = nameof(ConfirmClose);
    public const string CloseTitle = nameof(CloseTitle);
    public const string Reason = nameof(Reason);
    public const string CloseRequested = nameof(CloseRequested);
    public const string CloseRequestedWithReason = nameof(CloseRequestedWithReason);
    public const string AcceptClose = nameof(AcceptClose);
    public const string DenyClose = nameof(DenyClose);
    public const string CloseRequestDenied = nameof(CloseRequestDenied);
    public const string Renamed = nameof(Renamed);
    public const string MemberAdded = nameof(MemberAdded);
    public const string MemberRemoved = nameof(MemberRemoved);
    public const string TimerDisabled = nameof(TimerDisabled);
    public const string TimerDisabledLog = nameof(TimerDisabledLog);
    public const string TimerEnabled = nameof(TimerEnabled);
    public const string DisableTimer = nameof(DisableTimer);
    public const string EnableTimer = nameof(EnableTimer);
    public const string DisableTimerTitle = nameof(DisableTimerTitle);
    public const string LogChannel = nameof(LogChannel);
    public const string InactivityWarning = nameof(InactivityWarning);
    public const string FeedbackAsk = nameof(FeedbackAsk);
    public const string FeedbackThanks = nameof(FeedbackThanks);
    public const string NotATicket = nameof(NotATicket);
    public const string BlocklistAdded = nameof(BlocklistAdded);
    public const string BlocklistRemoved = nameof(BlocklistRemoved);
    public const string BlocklistNotListed = nameof(BlocklistNotListed);
    public const string BlocklistEmpty = nameof(BlocklistEmpty);
    public const string BlocklistNeedsTarget = nameof(BlocklistNeedsTarget);
    public const string RefusalStaffOnly = nameof(RefusalStaffOnly);
    public const string RefusalOpenerOnly = nameof(RefusalOpenerOnly);
    public const string RefusalGuildStaffOnly = nameof(RefusalGuildStaffOnly);
    public const string RefusalNotOpen = nameof(RefusalNotOpen);
    public const string RefusalNotClosed = nameof(RefusalNotClosed);
    public const string RefusalAlreadyClaimed = nameof(RefusalAlreadyClaimed);
    public const string RefusalNotClaimed = nameof(RefusalNotClaimed);
    public const string RefusalCloseRequestPending = nameof(RefusalCloseRequestPending);
    public const string RefusalNoCloseRequest = nameof(RefusalNoCloseRequest);
    public const string RefusalMoving = nameof(RefusalMoving);
    public const string RefusalSameCategory = nameof(RefusalSameCategory);
    public const string RefusalCategoryNotReady = nameof(RefusalCategoryNotReady);
    public const string RefusalAlreadyRated = nameof(RefusalAlreadyRated);
    public const string RefusalOpenerStays = nameof(RefusalOpenerStays);
    public const string RefusalNotFound = nameof(RefusalNotFound);

    private static readonly ResourceManager Resources = new("TicketSaas.Modules.Tickets.Localization.BotTexts", typeof(BotText).Assembly);

    public static string Get(string language, string key, params object[] arguments)
    {
        var text = Resources.GetString(key, CultureInfo.GetCultureInfo(language))
            ?? throw new InvalidOperationException($"No bot text {key}.");
        return arguments.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, arguments);
    }
}
