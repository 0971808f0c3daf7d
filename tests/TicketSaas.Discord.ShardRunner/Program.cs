using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TicketSaas.BuildingBlocks.Discord.Gateway;
using TicketSaas.BuildingBlocks.Discord.Rest;

// Usage: TicketSaas.Discord.ShardRunner <API base URL> <bot token> <first shard> <shards in process> <shard count> <identify interval ms>
// Prints "READY <shard>" once per session, then "<shard> <event> <guild id or ->" per dispatch; stops when stdin closes.
if (args.Length != 6)
{
    Console.Error.WriteLine("Usage: <API base URL> <bot token> <first shard> <shards in process> <shard count> <identify interval ms>");
    return 2;
}

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Discord:BotToken"] = args[1],
    ["Discord:Rest:BaseAddress"] = args[0],
}).Build();
var services = new ServiceCollection().AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
services.AddDiscordRest(configuration.GetSection("Discord"));
await using var provider = services.BuildServiceProvider();
var rest = provider.GetRequiredService<DiscordRestClient>();

var options = new DiscordGatewayOptions
{
    BotToken = args[1],
    Intents = GatewayIntents.Guilds | GatewayIntents.GuildMessages,
    FirstShard = int.Parse(args[2], CultureInfo.InvariantCulture),
    ShardsInProcess = int.Parse(args[3], CultureInfo.InvariantCulture),
    ShardCount = int.Parse(args[4], CultureInfo.InvariantCulture),
    IdentifyInterval = TimeSpan.FromMilliseconds(int.Parse(args[5], CultureInfo.InvariantCulture)),
    ReconnectDelay = TimeSpan.FromMilliseconds(100),
};
var client = new DiscordGatewayClient(options, rest.GetGatewayBotAsync, new PrintingHandler(), TimeProvider.System,
    provider.GetRequiredService<ILoggerFactory>());

using var stop = new CancellationTokenSource();
_ = Task.Run(async () =>
{
    await Console.In.ReadToEndAsync().ConfigureAwait(false);
    await stop.CancelAsync().ConfigureAwait(false);
});
try
{
    await client.RunAsync(stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    // Stopped by closing stdin.
}

return 0;

internal sealed class PrintingHandler : IDiscordGatewayHandler
{
    private readonly Lock _lock = new();

    public ValueTask HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        var name = gatewayEvent switch
        {
            SessionReady => "READY",
            GuildAvailable => "GUILD_CREATE",
            MessageCreated => "MESSAGE_CREATE",
            OtherDispatch other => other.Name,
            _ => gatewayEvent.GetType().Name,
        };
        var guild = gatewayEvent.GuildId?.ToString(CultureInfo.InvariantCulture) ?? "-";
        lock (_lock)
        {
            Console.Out.WriteLine($"{gatewayEvent.Shard} {name} {guild}");
            Console.Out.Flush();
        }

        return ValueTask.CompletedTask;
    }
}
