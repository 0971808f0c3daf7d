using System.Buffers;
using System.Text;
using NSec.Cryptography;

namespace TicketSaas.BuildingBlocks.Discord.Interactions;

/// <summary>
/// Checks Discord's Ed25519 signature (X-Signature-Ed25519) over the X-Signature-Timestamp header followed by the
/// raw body bytes, exactly as received: a body re-serialized before checking would not verify.
/// </summary>
internal sealed class InteractionSignatureVerifier
{
    private const int SignatureLength = 64;
    private const int StackLimit = 2048;
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    private readonly PublicKey publicKey;

    private InteractionSignatureVerifier(PublicKey publicKey) => this.publicKey = publicKey;

    /// <summary>The application's public key as the Developer Portal shows it: 64 hex characters.</summary>
    public static InteractionSignatureVerifier FromHex(string publicKeyHex)
    {
        byte[] raw;
        try
        {
            raw = Convert.FromHexString(publicKeyHex);
        }
        catch (FormatException exception)
        {
            throw new FormatException("The Discord public key must be 64 hex characters.", exception);
        }

        if (raw.Length != Ed25519.PublicKeySize || !PublicKey.TryImport(Ed25519, raw, KeyBlobFormat.RawPublicKey, out var key))
        {
            throw new FormatException("The Discord public key must be 64 hex characters encoding an Ed25519 public key.");
        }

        return new InteractionSignatureVerifier(key!);
    }

    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (signatureHex is null || timestamp is null || signatureHex.Length != SignatureLength * 2)
        {
            return false;
        }

        Span<byte> signature = stackalloc byte[SignatureLength];
        if (Convert.FromHexString(signatureHex, signature, out _, out var written) != OperationStatus.Done || written != SignatureLength)
        {
            return false;
        }

        var length = Encoding.UTF8.GetByteCount(timestamp) + body.Length;
        byte[]? rented = null;
        Span<byte> message = length <= StackLimit ? stackalloc byte[StackLimit] : rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var timestampLength = Encoding.UTF8.GetBytes(timestamp, message);
            body.CopyTo(message[timestampLength..]);
            return Ed25519.Verify(publicKey, message[..length], signature);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
