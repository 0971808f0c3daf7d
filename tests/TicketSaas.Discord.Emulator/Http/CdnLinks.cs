using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TicketSaas.Discord.Emulator.Http;

/// <summary>
/// Signed attachment URLs in Discord's shape (<c>?ex=&amp;is=&amp;hm=</c>: expiry and issue time as hex Unix
/// seconds, an HMAC over path and times), which stop working once expired, just as Discord's do.
/// </summary>
internal sealed class CdnLinks(TimeProvider time, TimeSpan lifetime)
{
    public const string BasePath = "cdn";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    private Uri? _root;

    /// <summary>The CDN's base URL, known once the server listens.</summary>
    public Uri Root => _root ?? throw new InvalidOperationException("The emulator is not listening yet.");

    public void Bind(Uri baseUri) => _root = new Uri(baseUri, BasePath + "/");

    public string SignedUrl(string cdnPath)
    {
        var issued = time.GetUtcNow().ToUnixTimeSeconds();
        var expires = issued + (long)lifetime.TotalSeconds;
        var ex = expires.ToString("x8", CultureInfo.InvariantCulture);
        var @is = issued.ToString("x8", CultureInfo.InvariantCulture);
        return $"{Root}{EscapePath(cdnPath)}?ex={ex}&is={@is}&hm={Signature(cdnPath, ex, @is)}&";
    }

    public string Url(string cdnPath) => $"{Root}{EscapePath(cdnPath)}";

    /// <summary>Whether a signed link still holds: signature matches and expiry lies ahead.</summary>
    public bool IsValid(string cdnPath, string ex, string @is, string hm) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Signature(cdnPath, ex, @is)), Encoding.ASCII.GetBytes(hm))
        && long.TryParse(ex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var expires)
        && time.GetUtcNow().ToUnixTimeSeconds() < expires;

    private string Signature(string cdnPath, string ex, string @is) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{cdnPath}|{ex}|{@is}")));

    private static string EscapePath(string cdnPath) => string.Join('/', cdnPath.Split('/').Select(Uri.EscapeDataString));
}
