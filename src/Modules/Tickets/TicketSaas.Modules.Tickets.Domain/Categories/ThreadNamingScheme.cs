using System.Text.RegularExpressions;

namespace TicketSaas.Modules.Tickets.Domain.Categories;

/// <summary>
/// The variables a thread name may use: <c>{number}</c>, <c>{number:0000}</c> (zero-padded), <c>{username}</c>,
/// <c>{category}</c>. Anything else in braces is a typo the admin should hear about.
/// </summary>
public static partial class ThreadNamingScheme
{
    public const int MaxLength = 100;

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
