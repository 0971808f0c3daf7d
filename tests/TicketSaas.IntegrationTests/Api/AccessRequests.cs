using System.Net.Http.Json;
using System.Text.RegularExpressions;
using TicketSaas.IntegrationTests.Support;

namespace TicketSaas.IntegrationTests.Api;

/// <summary>The request a row of the access table makes, with a guild's ids filled in.</summary>
public static partial class AccessRequests
{
    /// <remarks>An endpoint that takes any method (<c>*</c>, e.g. health) is asked with GET.</remarks>
    public static HttpRequestMessage For(AccessRule rule, IReadOnlyDictionary<string, string> ids) =>
        new(rule.Method == "*" ? HttpMethod.Get : new HttpMethod(rule.Method), Url(rule, ids))
    {
        Content = rule.Body is { } body ? JsonContent.Create(body(ids), options: Json.Options) : null,
    };

    /// <summary>The path and query with every <c>{name}</c> (constraints, catch-alls and optional marks included) replaced.</summary>
    public static string Url(AccessRule rule, IReadOnlyDictionary<string, string> ids) =>
        Placeholder().Replace(rule.Pattern + rule.Query, match =>
        {
            var name = match.Groups["name"].Value;
            return ids.TryGetValue(name, out var value) || AccessRules.FixedValues.TryGetValue(name, out value)
                ? Uri.EscapeDataString(value)
                : throw new InvalidOperationException($"{rule}: no value for {{{name}}}; seed one in ApiScene.SeedGuildAsync or AccessRules.FixedValues.");
        });

    /// <summary>What the request says, to tell whether swapping one id changed it.</summary>
    public static string Describe(AccessRule rule, IReadOnlyDictionary<string, string> ids) =>
        Url(rule, ids) + " " + (rule.Body is { } body ? System.Text.Json.JsonSerializer.Serialize(body(ids), Json.Options) : "");

    [GeneratedRegex(@"\{(\*\*)?(?<name>[A-Za-z]+)(:[^}]*)?\??\}")]
    private static partial Regex Placeholder();
}
