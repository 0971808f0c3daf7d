using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.State;

namespace TicketSaas.Discord.Emulator.Gateway;

/// <summary>
/// A gateway session: what was identified, and every dispatch it was sent, so that a resume replays the ones after
/// the client's last sequence. Guarded by the gateway's lock.
/// </summary>
internal sealed class GatewaySession(string id, BotApplication bot, int shard, int shardCount, int intents)
{
    private readonly List<(long Sequence, JsonObject Payload)> _sent = [];

    public string Id { get; } = id;
    public BotApplication Bot { get; } = bot;
    public int Shard { get; } = shard;
    public int ShardCount { get; } = shardCount;
    public int Intents { get; } = intents;
    public long Sequence { get; private set; }
    public GatewayConnection? Connection { get; set; }

    public void Dispatch(string name, JsonObject data)
    {
        var payload = new JsonObject { ["op"] = 0, ["t"] = name, ["s"] = ++Sequence, ["d"] = data };
        _sent.Add((Sequence, payload));
        Connection?.Send(payload);
    }

    /// <summary>False when <paramref name="after"/> is beyond what was sent: Discord then refuses the resume.</summary>
    public bool Replay(long after, GatewayConnection connection)
    {
        if (after > Sequence)
        {
            return false;
        }

        foreach (var (sequence, payload) in _sent)
        {
            if (sequence > after)
            {
                connection.Send(payload);
            }
        }

        return true;
    }
}
