namespace TicketSaas.Modules.Transcripts.Rendering;

/// <summary>
/// The only way an address reaches an href or a src. Anything else (javascript:, data:, vbscript:, file:) would run or
/// show content of the sender's choosing inside the viewer's origin, so it is dropped and the page shows text instead.
/// </summary>
internal static class SafeUrl
{
    /// <summary>An absolute http or https address from a member, an embed or Discord; null for anything else.</summary>
    /// <returns>The address as the URI parser normalised it, so the browser reads exactly what was checked.</returns>
    public static string? Web(string candidate) =>
        Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    /// <summary>
    /// An address the viewer made for one of our stored files: a reference under its own origin, or an absolute http or
    /// https address (a separate media host). Checked all the same: stored-file keys are ours, but the page must stay safe
    /// whatever the caller's mapping does with them.
    /// </summary>
    public static string? File(string candidate) => IsSchemeless(candidate) ? candidate : Web(candidate);

    // A browser strips control characters and spaces around an address and drops tabs and newlines inside it before
    // looking for a scheme, so any of them could smuggle one in ("java\tscript:"): such a reference is refused outright.
    // Without them, a colon before the first '/', '?' or '#' is what makes a scheme.
    private static bool IsSchemeless(string candidate)
    {
        if (candidate.Length == 0)
        {
            return false;
        }

        foreach (var c in candidate)
        {
            if (c <= ' ' || c == '\u007f')
            {
                return false;
            }
        }

        var delimiter = candidate.AsSpan().IndexOfAny(":/?#");
        return delimiter < 0 || candidate[delimiter] != ':';
    }
}
