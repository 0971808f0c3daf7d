using Xunit;

namespace TicketSaas.ArchitectureTests;

internal static class RuleAssert
{
    /// <summary>No failing types, and every rule that must find something did (a typo in a namespace finds nothing).</summary>
    public static void Passes(IEnumerable<RuleResult> results)
    {
        var problems = results.SelectMany(Problems).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    public static IReadOnlyList<string> FailingTypes(IEnumerable<RuleResult> results) =>
        results.SelectMany(r => r.FailingTypes).Distinct().Order(StringComparer.Ordinal).ToList();

    private static IEnumerable<string> Problems(RuleResult result)
    {
        if (result.Selected == 0 && !result.MaySelectNothing)
        {
            yield return $"{result.Rule}: selected no types; is a namespace or assembly missing?";
        }

        foreach (var type in result.FailingTypes)
        {
            yield return $"{result.Rule}: {type}";
        }
    }
}
