using System.Net;
using System.Text.RegularExpressions;

namespace TicketSaas.Modules.Domains.Domain.CustomDomains;

/// <summary>What a custom domain may be: a DNS name of at least two labels, not an IP address.</summary>
public static partial class HostName
{
    public static string Normalize(string host) => host.Trim().TrimEnd('.').ToLowerInvariant();

    public static bool IsValid(string host)
    {
        var normalized = Normalize(host);
        if (normalized.Length is 0 or > 253 || IPAddress.TryParse(normalized, out _))
        {
            return false;
        }

        var labels = normalized.Split('.');
        return labels.Length >= 2
            && labels.All(label => Label().IsMatch(label))
            && !labels[^1].All(char.IsDigit);
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex Label();
}
