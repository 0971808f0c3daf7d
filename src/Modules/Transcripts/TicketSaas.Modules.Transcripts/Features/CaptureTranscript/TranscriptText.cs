using System.Globalization;
using System.Resources;

namespace TicketSaas.Modules.Transcripts.Features.CaptureTranscript;

/// <summary>
/// What members read about a transcript on Discord, in the guild's language (<c>TranscriptTexts.resx</c> English,
/// <c>TranscriptTexts.de.resx</c> German). Arguments are formatted in the invariant culture: numbers and Discord markup.
/// </summary>
internal static class TranscriptText
{
    public const string LogPost = nameof(LogPost);
    public const string DirectMessage = nameof(DirectMessage);

    private static readonly ResourceManager Resources = new("TicketSaas.Modules.Transcripts.Features.CaptureTranscript.TranscriptTexts", typeof(TranscriptText).Assembly);

    public static string Get(string language, string key, params object[] arguments) =>
        string.Format(CultureInfo.InvariantCulture,
            Resources.GetString(key, CultureInfo.GetCultureInfo(language)) ?? throw new InvalidOperationException($"No transcript text {key}."),
            arguments);
}
