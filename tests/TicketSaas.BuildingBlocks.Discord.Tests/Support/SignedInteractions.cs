using System.Text;
using NSec.Cryptography;

namespace TicketSaas.BuildingBlocks.Discord.Tests.Support;

/// <summary>A request as Discord would sign it: Ed25519 over the timestamp followed by the body bytes.</summary>
internal sealed record SignedRequest(string Name, string PublicKeyHex, string Signature, string Timestamp, byte[] Body);

/// <summary>A fresh Ed25519 key pair signing interaction bodies, with the tampered variants the tests need.</summary>
internal sealed class InteractionSigner : IDisposable
{
    private readonly Key key = Key.Create(SignatureAlgorithm.Ed25519,
        new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    public string PublicKeyHex => Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public SignedRequest Sign(string name, string timestamp, byte[] body)
    {
        var message = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
        return new SignedRequest(name, PublicKeyHex, Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, message)), timestamp, body);
    }

    public SignedRequest Sign(string name, string timestamp, string body) => Sign(name, timestamp, Encoding.UTF8.GetBytes(body));

    /// <summary>The valid request for <paramref name="body"/> and each way of breaking it.</summary>
    public IEnumerable<(SignedRequest Request, bool Valid)> Cases(string label, string body)
    {
        var valid = Sign(label, "1700000000", body);
        var bytes = valid.Body;
        yield return (valid, true);
        yield return (valid with { Name = $"{label}: uppercase hex signature", Signature = valid.Signature.ToUpperInvariant() }, true);
        yield return (valid with { Name = $"{label}: body changed", Body = [.. bytes[..^1], (byte)(bytes[^1] ^ 1)] }, false);
        yield return (valid with { Name = $"{label}: body truncated", Body = bytes[..^1] }, false);
        yield return (valid with { Name = $"{label}: timestamp changed", Timestamp = "1700000001" }, false);
        yield return (valid with { Name = $"{label}: signature bit flipped", Signature = FlipFirstBit(valid.Signature) }, false);
        yield return (valid with { Name = $"{label}: signature truncated", Signature = valid.Signature[..^2] }, false);
        yield return (valid with { Name = $"{label}: signature empty", Signature = "" }, false);
        yield return (valid with { Name = $"{label}: signature not hex", Signature = "zz" + valid.Signature[2..] }, false);
        using var other = new InteractionSigner();
        yield return (valid with { Name = $"{label}: another application's key", PublicKeyHex = other.PublicKeyHex }, false);
    }

    private static string FlipFirstBit(string hex) =>
        Convert.ToHexStringLower([(byte)(Convert.FromHexString(hex[..2])[0] ^ 1)]) + hex[2..];

    public void Dispose() => key.Dispose();
}
