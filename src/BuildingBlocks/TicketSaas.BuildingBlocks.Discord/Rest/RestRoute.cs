using System.Globalization;
using System.Text;

namespace TicketSaas.BuildingBlocks.Discord.Rest;

/// <summary>
/// A request's route: the method with the path template (<see cref="Key"/>), the concrete path, and the major
/// parameter. Discord rate-limits per bucket hash and major parameter, so requests to different channels never
/// share a bucket even when their route does.
/// </summary>
internal sealed record RestRoute(HttpMethod Method, string Template, string Path, string Major)
{
    /// <summary>Discord's major parameters; an interaction's id and token act as one since each has its own limits.</summary>
    private static readonly string[] MajorParameters =
        ["channel_id", "guild_id", "webhook_id", "webhook_token", "interaction_id", "interaction_token"];

    /// <summary>E.g. "POST /channels/{channel_id}/messages": routes with the same key share what the headers teach.</summary>
    public string Key { get; } = $"{Method.Method} /{Template}";

    /// <summary>Fills the template's placeholders in order, e.g. ("channels/{channel_id}/messages", 123).</summary>
    public static RestRoute Create(HttpMethod method, string template, params object[] values)
    {
        var path = new StringBuilder(template.Length + 32);
        var major = new StringBuilder();
        var next = 0;
        var index = 0;
        while (index < template.Length)
        {
            var open = template.IndexOf('{', index);
            if (open < 0)
            {
                path.Append(template, index, template.Length - index);
                break;
            }

            var close = template.IndexOf('}', open);
            path.Append(template, index, open - index);
            var name = template[(open + 1)..close];
            var value = Convert.ToString(values[next++], CultureInfo.InvariantCulture)!;
            path.Append(Uri.EscapeDataString(value));
            if (MajorParameters.Contains(name))
            {
                major.Append(major.Length > 0 ? "/" : "").Append(value);
            }

            index = close + 1;
        }

        if (next != values.Length)
        {
            throw new ArgumentException($"Route {template} takes {next} values, not {values.Length}.", nameof(values));
        }

        return new RestRoute(method, template, path.ToString(), major.ToString());
    }

    public override string ToString() => Key;
}
