using System.Globalization;

namespace TicketSaas.Modules.Tickets.Contracts;

/// <summary>What a component or modal of ours asks for, read back from its custom id.</summary>
public abstract record TicketComponent;

/// <summary>A panel's button (with its category) or its dropdown (the category comes as the chosen value).</summary>
public sealed record OpenFromPanel(Guid PanelId, Guid? CategoryId) : TicketComponent;

/// <summary>The form of a category, shown from a panel; the nonce is the interaction that showed it.</summary>
public sealed record SubmitForm(Guid PanelId, Guid CategoryId, ulong Nonce) : TicketComponent;

public enum TicketAction
{
    Claim,
    Unclaim,

    /// <summary>Asks "are you sure?" with a <see cref="ConfirmClose"/> button.</summary>
    Close,
    ConfirmClose,

    /// <summary>Shows the reason modal, whose submission is <see cref="CloseReasonForm"/>.</summary>
    CloseWithReason,
    CloseReasonForm,
    Reopen,
    AcceptCloseRequest,
    DenyCloseRequest,

    /// <summary>Shows the modal (reason, log channel), whose submission is <see cref="DisableTimerForm"/>.</summary>
    DisableTimer,
    DisableTimerForm,
    EnableTimer,

    /// <summary>The category select of a move; the chosen value is the category.</summary>
    Move,
}

/// <summary>A button, select or modal of a ticket's.</summary>
public sealed record ActOnTicket(TicketAction Action, Guid TicketId) : TicketComponent;

/// <summary>A star button of the feedback request the opener gets after the close.</summary>
public sealed record RateTicket(Guid TicketId, int Stars) : TicketComponent;

/// <summary>
/// The custom ids of the components we post, versioned (<c>t1:</c>) so that messages posted by an older release
/// stay readable after a change of format. Parsing is strict: anything else is not ours, or forged.
/// </summary>
public static class TicketCustomIds
{
    private const string Version = "t1";

    public static string Open(Guid panelId, Guid? categoryId = null) =>
        categoryId is { } category ? $"{Version}:open:{panelId:N}:{category:N}" : $"{Version}:open:{panelId:N}";

    public static string Form(Guid panelId, Guid categoryId, ulong nonce) =>
        $"{Version}:form:{panelId:N}:{categoryId:N}:{nonce.ToString(CultureInfo.InvariantCulture)}";

    public static string Action(TicketAction action, Guid ticketId) => $"{Version}:{ActionName(action)}:{ticketId:N}";

    public static string Rate(Guid ticketId, int stars) => $"{Version}:rate:{ticketId:N}:{stars.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The text input of a reason in a ticket's modals.</summary>
    public const string ReasonField = "reason";

    /// <summary>The channel select of the Disable Timer modal.</summary>
    public const string LogChannelField = "log-channel";

    /// <summary>The text input or select of form question <paramref name="index"/>.</summary>
    public static string Question(int index) => $"q{index.ToString(CultureInfo.InvariantCulture)}";

    public static int? QuestionIndex(string customId) =>
        customId is ['q', .. var digits] && digits.Length == 1 && char.IsAsciiDigit(digits[0]) ? digits[0] - '0' : null;

    /// <returns>null when the id is not one of ours in this version.</returns>
    public static TicketComponent? Parse(string customId)
    {
        var parts = customId.Split(':');
        if (parts.Length < 3 || parts[0] != Version)
        {
            return null;
        }

        return (parts[1], parts.Length) switch
        {
            ("open", 3) when Id(parts[2]) is { } panel => new OpenFromPanel(panel, null),
            ("open", 4) when Id(parts[2]) is { } panel && Id(parts[3]) is { } category => new OpenFromPanel(panel, category),
            ("form", 5) when Id(parts[2]) is { } panel && Id(parts[3]) is { } category && Nonce(parts[4]) is { } nonce =>
                new SubmitForm(panel, category, nonce),
            (var name, 3) when ActionNamed(name) is { } action && Id(parts[2]) is { } ticket => new ActOnTicket(action, ticket),
            ("rate", 4) when Id(parts[2]) is { } ticket && parts[3] is [var star] && star is >= '1' and <= '5' => new RateTicket(ticket, star - '0'),
            _ => null,
        };
    }

    private static string ActionName(TicketAction action) => action switch
    {
        TicketAction.Claim => "claim",
        TicketAction.Unclaim => "unclaim",
        TicketAction.Close => "close",
        TicketAction.ConfirmClose => "close-confirm",
        TicketAction.CloseWithReason => "close-reason",
        TicketAction.CloseReasonForm => "close-form",
        TicketAction.Reopen => "reopen",
        TicketAction.AcceptCloseRequest => "close-accept",
        TicketAction.DenyCloseRequest => "close-deny",
        TicketAction.DisableTimer => "timer-off",
        TicketAction.DisableTimerForm => "timer-form",
        TicketAction.EnableTimer => "timer-on",
        TicketAction.Move => "move",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static TicketAction? ActionNamed(string name) =>
        Enum.GetValues<TicketAction>().Select(a => (TicketAction?)a).FirstOrDefault(a => ActionName(a!.Value) == name);

    /// <summary>Only the 32-digit lower-case form we write; a GUID in any other spelling is not ours.</summary>
    private static Guid? Id(string text) =>
        text.Length == 32 && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f') && Guid.TryParseExact(text, "N", out var id) ? id : null;

    private static ulong? Nonce(string text) =>
        text.Length is > 0 and <= 20 && text.All(char.IsAsciiDigit) && text[0] != '0'
        && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var nonce) ? nonce : null;
}
