namespace TicketSaas.BuildingBlocks.Discord.Gateway;

/// <summary>
/// Discord closed a shard with a code that reconnecting cannot fix (4004 authentication failed, 4010 invalid shard,
/// 4011 sharding required, 4012 invalid API version, 4013 invalid intents, 4014 disallowed intents): an operator
/// must change the token, the shard count or the intents.
/// </summary>
public sealed class DiscordGatewayException(int shard, int closeCode, string? reason)
    : Exception($"Shard {shard} was closed with {closeCode} ({reason}); {Advice(closeCode)}")
{
    public int Shard { get; } = shard;

    public int CloseCode { get; } = closeCode;

    internal static bool IsFatal(int closeCode) => closeCode is 4004 or (>= 4010 and <= 4014);

    private static string Advice(int closeCode) => closeCode switch
    {
        4004 => "the bot token is wrong",
        4010 or 4011 => "set Discord:Gateway:ShardCount to what GET /gateway/bot recommends",
        4012 => "the API version is no longer served",
        4013 => "Discord:Gateway:Intents holds an unknown bit",
        4014 => "switch the privileged intents on for the bot in the Developer Portal, or leave them out of Discord:Gateway:Intents",
        _ => "not reconnecting",
    };
}
