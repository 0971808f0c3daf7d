namespace TicketSaas.BuildingBlocks.Discord.Rest;

/// <summary>Configuration section "Discord:Rest" (the bot token comes from "Discord:BotToken").</summary>
public sealed class DiscordRestOptions
{
    /// <summary>Ends with a slash; tests point it at a local emulator.</summary>
    public Uri BaseAddress { get; set; } = new("https://discord.com/api/v10/");
    public string BotToken { get; set; } = "";

    /// <summary>Hosts <see cref="DiscordRestClient.DownloadAsync"/> may fetch from: attachments and avatars only.</summary>
    public IList<string> CdnHosts { get; } = ["cdn.discordapp.com", "media.discordapp.net"];

    /// <summary>Discord allows 50 requests per second per bot token, across all routes.</summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>
    /// Added to every wait for a bucket reset or the global window: our clock reads headers after Discord wrote
    /// them, and requests sent one window apart may arrive closer together.
    /// </summary>
    public TimeSpan RateLimitMargin { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>Retries after a 5xx answer or a network fault; none after any other 4xx.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry waits about this long (jittered), doubling each time.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>429 answers retried after waiting retry_after, before giving up with the 429.</summary>
    public int MaxRateLimitRetries { get; set; } = 3;

    public string UserAgent { get; set; } = "DiscordBot (TicketSaas, 1.0)";
}
