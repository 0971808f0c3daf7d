using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace TicketSaas.Modules.Identity.Accounts;

/// <summary>Random tokens for browsers, and the hashes we keep of them.</summary>
internal static class SessionTokens
{
    /// <summary>256 random bits, URL-safe: 43 characters, also a valid PKCE verifier.</summary>
    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>PKCE S256: the verifier's SHA-256, base64url without padding.</summary>
    public static string Challenge(string verifier) => WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public static bool SameHash(string token, string expectedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(expectedHash));
}
