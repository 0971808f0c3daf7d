using System.Globalization;
using System.Text.RegularExpressions;

namespace TicketSaas.Modules.Tickets.Domain.Categories;

/// <summary>
/// The variables a thread name may use: <c>{number}</c>, <c>{number:0000}</c> (zero-padded), <c>{username}</c>,
/// <c>{category}</c>. Anything else in braces is a typo the admin should hear about.
/// </summary>
public static partial class ThreadNamingScheme
{
    public const int MaxLength = 100;

    /// <summary>The thread name for a ticket: variables filled in, cut to Discord's 100 characters, never blank.</summary>
    public static string Render(string scheme, int number, string username, string category)
    {
        var name = Placeholder().Replace(scheme, match => match.Groups[1].Value switch
        {
            "username" => username,
            "category" => category,
            "number" => number.ToString(CultureInfo.InvariantCulture),
            var padded when padded.StartsWith("number:", StringComparison.Ordinal) =>
                number.ToString(padded["number:".Length..], CultureInfo.InvariantCulture),
            _ => match.Value,
        }).Trim();
        if (name.Length == 0)
        {
            name = $"ticket-{number.ToString(CultureInfo.InvariantCulture)}";
        }

        return name.Length <= MaxLength ? name : name[..MaxLength].TrimEnd();
    }

    public static IReadOnlyList<string> UnknownVariables(string scheme) =>
        Placeholder().Matches(scheme)
            .Select(m => m.Groups[1].Value)
            .Where(v => !KnownVariable().IsMatch(v))
            .Distinct()
            .ToList();

    public static bool HasUnbalancedBraces(string scheme) =>
        Placeholder().Replace(scheme, string.Empty).IndexOfAny(['{', '}']) >= 0;

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(number(:0{1,8})?|username|category)$")]
    private static partial Regex KnownVariable();
}
