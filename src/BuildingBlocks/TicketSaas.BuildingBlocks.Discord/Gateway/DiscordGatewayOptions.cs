namespace TicketSaas.BuildingBlocks.Discord.Gateway;

/// <summary>
/// Configuration section "Discord:Gateway" (the bot token comes from "Discord:BotToken"). The connection speaks
/// JSON without compression: no zlib-stream, no ETF.
/// </summary>
public sealed class DiscordGatewayOptions
{
    public string BotToken { get; set; } = "";

    public GatewayIntents Intents { get; set; } = GatewayIntents.TicketSaas;

    /// <summary>Null takes Discord's recommendation from GET /gateway/bot. Every process of one bot must use the same count.</summary>
    public int? ShardCount { get; set; }

    /// <summary>The first shard this process runs.</summary>
    public int FirstShard { get; set; }

    /// <summary>How many consecutive shards this process runs from <see cref="FirstShard"/>; null runs all the rest.</summary>
    public int? ShardsInProcess { get; set; }

    /// <summary>Null takes the URL from GET /gateway/bot.</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>
    /// Discord lets each identify bucket (shard id modulo max_concurrency) identify once per 5 seconds. Turns are
    /// slots of the wall clock shared by all processes, so processes need no other coordination (see
    /// <see cref="IdentifySchedule"/>).
    /// </summary>
    public TimeSpan IdentifyInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First wait before reconnecting after a failed connection; doubles per failure up to 30 times this.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Discord asks for a random 1–5 s wait after an invalid session: this times 1 to 5.</summary>
    public TimeSpan InvalidSessionDelay { get; set; } = TimeSpan.FromSeconds(1);
}
