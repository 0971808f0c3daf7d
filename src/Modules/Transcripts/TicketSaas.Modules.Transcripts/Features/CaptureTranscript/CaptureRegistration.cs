using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TicketSaas.Modules.Transcripts.Features.CaptureTranscript;

internal static class CaptureRegistration
{
    public static void AddTranscriptCapture(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CaptureOptions>().Bind(configuration.GetSection("Transcripts:Capture"));

        // Checked at start: a wrong base URL would otherwise surface only as broken links in members' DMs.
        services.AddOptions<TranscriptLinkOptions>().Bind(configuration.GetSection("Transcripts"))
            .Validate(options => options.IsValid(), "Transcripts:PublicBaseUrl must be an absolute http or https URL.")
            .ValidateOnStart();
    }
}
