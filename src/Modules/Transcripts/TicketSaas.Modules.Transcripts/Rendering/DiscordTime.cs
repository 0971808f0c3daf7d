using System.Globalization;

namespace TicketSaas.Modules.Transcripts.Rendering;

/// <summary>
/// Moments as Discord writes them for an en-US reader, fixed to UTC: the page carries no script that could turn them
/// into the reader's own time zone, so every one says in its title which instant it is.
/// </summary>
internal static class DiscordTime
{
    public const string HeaderFormat = "MM/dd/yyyy h:mm tt";
    public const string ShortTimeFormat = "h:mm tt";
    private const string FullFormat = "dddd, MMMM d, yyyy h:mm tt";

    /// <summary>The formats of Discord's &lt;t:unix:STYLE&gt; markup; R is relative and has none.</summary>
    public static string? FormatOf(char style) => style switch
    {
        't' => ShortTimeFormat,
        'T' => "h:mm:ss tt",
        'd' => "MM/dd/yyyy",
        'D' => "MMMM d, yyyy",
        'f' => "MMMM d, yyyy h:mm tt",
        'F' => FullFormat,
        _ => null,
    };

    public static bool IsStyle(char style) => style == 'R' || FormatOf(style) is not null;

    /// <summary>A &lt;time&gt; element showing <paramref name="value"/> in <paramref name="format"/>, the full date in its title.</summary>
    public static void Write(HtmlBuffer html, DateTimeOffset value, string format, string cssClass)
    {
        Open(html, value, cssClass);
        html.Date(value, format).Markup("</time>");
    }

    /// <summary>Relative to the close, as Discord's "R" style reads when the transcript was made ("3 days ago", "in 2 hours").</summary>
    public static void WriteRelative(HtmlBuffer html, DateTimeOffset value, DateTimeOffset closedAt, string cssClass)
    {
        Open(html, value, cssClass);
        var distance = value - closedAt;
        var phrase = Distance(distance.Duration());
        html.Text(distance < TimeSpan.Zero ? $"{phrase} ago" : $"in {phrase}").Markup("</time>");
    }

    /// <summary>Opens a &lt;time&gt; element for <paramref name="value"/>; the caller writes its text and closes it.</summary>
    public static void Open(HtmlBuffer html, DateTimeOffset value, string cssClass) =>
        html.Markup("<time class=\"").Markup(cssClass).Markup("\" datetime=\"").Date(value, "yyyy-MM-ddTHH:mm:ssZ")
            .Markup("\" title=\"").Date(value, FullFormat).Markup(" UTC\">");

    // The thresholds of the date library Discord's client uses: round to the unit a person would say.
    private static string Distance(TimeSpan span) => span switch
    {
        { TotalSeconds: < 45 } => "a few seconds",
        { TotalSeconds: < 90 } => "a minute",
        { TotalMinutes: < 45 } => Several(span.TotalMinutes, "minutes"),
        { TotalMinutes: < 90 } => "an hour",
        { TotalHours: < 22 } => Several(span.TotalHours, "hours"),
        { TotalHours: < 36 } => "a day",
        { TotalDays: < 26 } => Several(span.TotalDays, "days"),
        { TotalDays: < 45 } => "a month",
        { TotalDays: < 320 } => Several(span.TotalDays / 30.4, "months"),
        { TotalDays: < 548 } => "a year",
        _ => Several(span.TotalDays / 365.25, "years"),
    };

    // Below one and a half units the phrase above ("a month") applies, so a count is never less than two.
    private static string Several(double count, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Max(2, (int)Math.Round(count))} {unit}");
}
