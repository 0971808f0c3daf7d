namespace TicketSaas.Modules.Transcripts.Features.CaptureTranscript;

/// <summary>Configuration section "Transcripts:Capture".</summary>
internal sealed class CaptureOptions
{
    /// <summary>Files larger than this are listed in the transcript but not copied; 100 MiB covers Discord's largest boosted-server upload.</summary>
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Where Discord serves avatars and custom emoji; ends with a slash. Tests point it at an emulator.</summary>
    public Uri CdnBaseAddress { get; set; } = new("https://cdn.discordapp.com/");
}

/// <summary>Configuration section "Transcripts": where members open transcripts.</summary>
internal sealed class TranscriptLinkOptions
{
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>The ticket's stable link; the viewer lists every close of the ticket under it.</summary>
    public string LinkTo(string publicId) => $"{PublicBaseUrl.TrimEnd('/')}/t/{publicId}";

    public bool IsValid() =>
        Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
