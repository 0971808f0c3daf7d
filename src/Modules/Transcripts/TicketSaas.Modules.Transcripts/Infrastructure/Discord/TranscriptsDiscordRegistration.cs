using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Discord.Rest;
using TicketSaas.Modules.Transcripts.Ports;

namespace TicketSaas.Modules.Transcripts.Infrastructure.Discord;

internal static class TranscriptsDiscordRegistration
{
    /// <summary>
    /// With "Discord:BotToken" set, transcripts are captured from Discord by whichever process's relay delivers the
    /// close. Without one, a capture fails with the setting that is missing and the relay tries again later, when a
    /// process with a token may take it; nothing is recorded as captured that was not.
    /// </summary>
    public static void AddTranscriptsDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        var discord = configuration.GetSection("Discord");
        if (string.IsNullOrWhiteSpace(discord["BotToken"]))
        {
            services.AddSingleton<WithoutDiscord>();
            services.AddSingleton<ITicketHistory>(provider => provider.GetRequiredService<WithoutDiscord>());
            services.AddSingleton<ITranscriptNotices>(provider => provider.GetRequiredService<WithoutDiscord>());
            return;
        }

        services.AddDiscordRest(discord);
        services.AddSingleton<ITicketHistory, DiscordTicketHistory>();
        services.AddSingleton<ITranscriptNotices, DiscordTranscriptNotices>();
    }
}
