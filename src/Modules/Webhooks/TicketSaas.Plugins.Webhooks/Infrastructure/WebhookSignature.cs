using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TicketSaas.Plugins.Webhooks.Infrastructure;

/// <summary>
/// What receivers verify: <c>X-TicketSaas-Signature: v1=&lt;hex HMAC-SHA256 of "{timestamp}.{body}" keyed with the
/// endpoint's secret&gt;</c>, the timestamp (Unix seconds) in <c>X-TicketSaas-Timestamp</c>. See the plugin guide.
/// </summary>
internal static class WebhookSignature
{
    public const string SignatureHeader = "X-TicketSaas-Signature";
    public const string TimestampHeader = "X-TicketSaas-Timestamp";
    public const string EventHeader = "X-TicketSaas-Event";
    public const string DeliveryHeader = "X-TicketSaas-Delivery";

    public static string Sign(string secret, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{timestamp}.{body}"));
        return "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
