using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using TicketSaas.Discord.Emulator.Http;
using TicketSaas.Discord.Emulator.State;

namespace TicketSaas.Discord.Emulator.Gateway;

public enum GatewayLogKind
{
    Connected,
    Identified,
    Resumed,
    ResumeRefused,
    HeartbeatReceived,
}

/// <summary>What a gateway client did, as the emulator saw it.</summary>
public sealed record GatewayLogEntry(DateTimeOffset Time, GatewayLogKind Kind, int? Shard, string? SessionId, string Path);

/// <summary>
/// Discord's gateway (v10, JSON encoding, no compression) on the emulator's port: ws://127.0.0.1:{port}/gateway, and
/// /gateway-resume as the resume_gateway_url. Sessions keep their dispatches for resumes; guild events go to shard
/// (guild_id &gt;&gt; 22) % shard_count, DMs to shard 0. Faults act on the current connections of a shard.
/// </summary>
public sealed class GatewayServer
{
    public const string Path = "/gateway";
    public const string ResumePath = "/gateway-resume";

    private const int GuildsIntent = 1 << 0, GuildMembersIntent = 1 << 1, GuildPresencesIntent = 1 << 8,
        GuildMessagesIntent = 1 << 9, DirectMessagesIntent = 1 << 12, MessageContentIntent = 1 << 15;

    private const int KnownIntents = (1 << 26) - 1;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, GatewaySession> _sessions = new(StringComparer.Ordinal);
    private readonly List<GatewayLogEntry> _log = [];
    private readonly DiscordEmulatorOptions _options;
    private readonly EmulatorState _state;
    private readonly Renderer _renderer;

    internal GatewayServer(DiscordEmulatorOptions options, EmulatorState state, Renderer renderer)
    {
        _options = options;
        _state = state;
        _renderer = renderer;
        state.MessageStored += message =>
        {
            if (message.VisibleOnlyTo is not null)
            {
                return;
            }

            var guildId = state.Channel(message.ChannelId)?.GuildId;
            Publish("MESSAGE_CREATE", guildId, bot =>
            {
                var json = _renderer.Message(message, bot);
                if (guildId is { } id)
                {
                    json["guild_id"] = Renderer.Id(id);

                    // Discord sends the author's member data (without its user) with a guild message.
                    if (state.Member(id, message.AuthorId) is { } member)
                    {
                        json["member"] = new JsonObject
                        {
                            ["roles"] = new JsonArray([.. member.RoleIds.Select(role => (JsonNode)Renderer.Id(role))]),
                            ["joined_at"] = member.JoinedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                            ["deaf"] = false,
                            ["mute"] = false,
                        };
                    }
                }

                return json;
            });
        };
        state.ChannelModified += channel =>
            Publish(channel.IsThread ? "THREAD_UPDATE" : "CHANNEL_UPDATE", channel.GuildId, _ => _renderer.Channel(channel));
        state.ChannelDeleted += channel =>
        {
            if (channel.IsThread)
            {
                // Discord's THREAD_DELETE carries only these four fields, not the thread object.
                Publish("THREAD_DELETE", channel.GuildId, _ => new JsonObject
                {
                    ["id"] = Renderer.Id(channel.Id),
                    ["guild_id"] = Renderer.Id(channel.GuildId!.Value),
                    ["parent_id"] = Renderer.Id(channel.ParentId!.Value),
                    ["type"] = (int)channel.Type,
                });
            }
            else
            {
                Publish("CHANNEL_DELETE", channel.GuildId, _ => _renderer.Channel(channel));
            }
        };
    }

    public IReadOnlyList<GatewayLogEntry> Log
    {
        get
        {
            lock (_lock)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>Sends a dispatch to the sessions that would receive it on Discord: by guild shard and intents.</summary>
    public void Dispatch(string name, JsonObject data, ulong? guildId = null) => Publish(name, guildId, _ => (JsonObject)data.DeepClone());

    /// <summary>Call after adding a bot to a guild: its sessions get the guild's GUILD_CREATE, as on Discord when a bot joins.</summary>
    public void GuildJoined(ulong guildId)
    {
        var guild = _state.Guild(guildId) ?? throw new InvalidOperationException($"Unknown guild {guildId}.");
        Publish("GUILD_CREATE", guildId, _ => GuildCreate(guild));
    }

    /// <summary>Call before removing the bot from a guild: the sessions of the guild's bots get GUILD_DELETE without "unavailable" (it left).</summary>
    public void GuildLeft(ulong guildId) => Publish("GUILD_DELETE", guildId, _ => new JsonObject { ["id"] = Renderer.Id(guildId) });

    /// <summary>Drops the shard's connections without a close frame; their sessions stay resumable.</summary>
    public void Disconnect(int shard) => OnConnections(shard, connection => connection.Abort());

    /// <summary>Sends op 9; a session that is not resumable is forgotten.</summary>
    public void InvalidateSession(int shard, bool resumable)
    {
        lock (_lock)
        {
            foreach (var session in SessionsOf(shard))
            {
                session.Connection?.Send(new JsonObject { ["op"] = 9, ["d"] = resumable });
                if (!resumable)
                {
                    _sessions.Remove(session.Id);
                }
            }
        }
    }

    /// <summary>The shard's connections stop answering heartbeats and sending dispatches, without closing.</summary>
    public void Silence(int shard) => OnConnections(shard, connection => connection.Silent = true);

    /// <summary>Closes the shard's connections with a close code (e.g. 4000 to resume, 4004 or 4014 fatal).</summary>
    public void Close(int shard, int code, string reason = "closed by the emulator") => OnConnections(shard, connection => connection.Close(code, reason));

    /// <summary>Sends op 7: the client should reconnect and resume.</summary>
    public void RequestReconnect(int shard) => OnConnections(shard, connection => connection.Send(new JsonObject { ["op"] = 7, ["d"] = null }));

    internal static bool Accepts(HttpContext http) =>
        http.WebSockets.IsWebSocketRequest && http.Request.Path.Value is Path or ResumePath;

    internal async Task AcceptAsync(HttpContext http)
    {
        using var socket = await http.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var connection = new GatewayConnection(socket, http.Request.Path.Value!, http.Request.Host.Value!);
        Record(GatewayLogKind.Connected, null, null, connection);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        var writer = connection.WriteLoopAsync(stop.Token);
        connection.Send(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = _options.GatewayHeartbeatInterval.TotalMilliseconds } });
        GatewaySession? session = null;
        try
        {
            while (await ReceiveAsync(socket, stop.Token).ConfigureAwait(false) is { } payload)
            {
                session = Handle(connection, session, payload) ?? session;
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or JsonException or InvalidOperationException)
        {
            // A dropped client: its session waits for a resume.
        }
        finally
        {
            lock (_lock)
            {
                if (session?.Connection == connection)
                {
                    session.Connection = null;
                }
            }

            await stop.CancelAsync().ConfigureAwait(false);
            await writer.ConfigureAwait(false);
        }
    }

    private GatewaySession? Handle(GatewayConnection connection, GatewaySession? session, JsonObject payload)
    {
        var data = payload["d"];
        switch (payload["op"]?.GetValue<int>())
        {
            case 1:
                Record(GatewayLogKind.HeartbeatReceived, session?.Shard, session?.Id, connection);
                connection.Send(new JsonObject { ["op"] = 11 });
                return null;
            case 2 when session is null:
                return Identify(connection, (JsonObject)data!);
            case 6 when session is null:
                return Resume(connection, (JsonObject)data!);
            case 2 or 6:
                connection.Close(4005, "Already authenticated.");
                return null;
            default:
                connection.Close(session is null ? 4003 : 4001, session is null ? "Not authenticated." : "Unknown opcode.");
                return null;
        }
    }

    private GatewaySession? Identify(GatewayConnection connection, JsonObject identify)
    {
        var receivedAt = _options.TimeProvider.GetUtcNow();
        var bot = _state.BotByToken(identify["token"]?.GetValue<string>() ?? "");
        var shardPair = identify["shard"] as JsonArray;
        var shard = shardPair?[0]?.GetValue<int>() ?? 0;
        var shardCount = shardPair?[1]?.GetValue<int>() ?? 1;
        var intents = identify["intents"]?.GetValue<int>() ?? 0;
        var refusal = bot is null ? (4004, "Authentication failed.")
            : shard < 0 || shard >= shardCount ? (4010, "Invalid shard.")
            : shardCount < _options.GatewayShards ? (4011, "Sharding required.")
            : (intents & ~KnownIntents) != 0 ? (4013, "Invalid intent(s).")
            : !Allowed(bot, intents) ? (4014, "Disallowed intent(s).")
            : ((int, string)?)null;
        if (refusal is var (code, reason))
        {
            connection.Close(code, reason);
            return null;
        }

        var guilds = _state.GuildsOf(bot!.ApplicationId).Where(g => ShardOf(g.Id, shardCount) == shard).ToList();
        var session = new GatewaySession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), bot, shard, shardCount, intents);
        var ready = new JsonObject
        {
            ["v"] = 10,
            ["user"] = Renderer.User(_state.User(bot.ApplicationId)!),
            ["guilds"] = new JsonArray([.. guilds.Select(g => (JsonNode)new JsonObject { ["id"] = Renderer.Id(g.Id), ["unavailable"] = true })]),
            ["session_id"] = session.Id,
            ["resume_gateway_url"] = $"ws://{connection.Host}{ResumePath}",
            ["shard"] = new JsonArray(shard, shardCount),
            ["application"] = new JsonObject { ["id"] = Renderer.Id(bot.ApplicationId), ["flags"] = 0 },
        };
        var guildCreates = guilds.Select(GuildCreate).ToList();
        lock (_lock)
        {
            _sessions[session.Id] = session;
            session.Connection = connection;
            Record(GatewayLogKind.Identified, shard, session.Id, connection, receivedAt);
            session.Dispatch("READY", ready);
            foreach (var guild in guildCreates)
            {
                session.Dispatch("GUILD_CREATE", guild);
            }
        }

        return session;
    }

    private GatewaySession? Resume(GatewayConnection connection, JsonObject resume)
    {
        var token = resume["token"]?.GetValue<string>() ?? "";
        var sequence = resume["seq"]?.GetValue<long>() ?? 0;
        lock (_lock)
        {
            if (!_sessions.TryGetValue(resume["session_id"]?.GetValue<string>() ?? "", out var session)
                || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(session.Bot.Token), System.Text.Encoding.UTF8.GetBytes(token))
                || !session.Replay(sequence, connection))
            {
                Record(GatewayLogKind.ResumeRefused, null, null, connection);
                connection.Send(new JsonObject { ["op"] = 9, ["d"] = false });
                return null;
            }

            session.Connection?.Abort();
            session.Connection = connection;
            Record(GatewayLogKind.Resumed, session.Shard, session.Id, connection);
            session.Dispatch("RESUMED", new JsonObject());
            return session;
        }
    }

    /// <summary>The guild object, plus what GUILD_CREATE adds to it.</summary>
    private JsonObject GuildCreate(DiscordGuild guild)
    {
        var json = _renderer.Guild(guild);
        json["unavailable"] = false;
        json["large"] = false;
        json["joined_at"] = Renderer.Timestamp(_state.Member(guild.Id, guild.OwnerId)?.JoinedAt ?? default);
        json["member_count"] = _state.Members(guild.Id, 0, int.MaxValue).Count;
        json["channels"] = new JsonArray([.. _state.GuildChannels(guild.Id).Select(c => (JsonNode)_renderer.Channel(c))]);
        json["threads"] = new JsonArray([.. _state.GuildThreads(guild.Id).Select(c => (JsonNode)_renderer.Channel(c))]);
        json["members"] = new JsonArray();
        json["presences"] = new JsonArray();
        json["voice_states"] = new JsonArray();
        json["stage_instances"] = new JsonArray();
        json["guild_scheduled_events"] = new JsonArray();
        json["soundboard_sounds"] = new JsonArray();
        return json;
    }

    /// <summary>
    /// Sends to the sessions that would get the event on Discord: the guild's shard, an intent that covers it, and
    /// the bot still in the guild. Rendered per session, outside the gateway's lock (state before gateway, always):
    /// without MESSAGE_CONTENT in the session's intents the bot reads messages as if it lacked the intent.
    /// </summary>
    private void Publish(string name, ulong? guildId, Func<BotApplication, JsonObject> render)
    {
        var required = RequiredIntent(name, guildId);
        List<GatewaySession> sessions;
        lock (_lock)
        {
            sessions = [.. _sessions.Values];
        }

        var targets = sessions
            .Where(session => session.Shard == (guildId is { } id ? ShardOf(id, session.ShardCount) : 0)
                && (required == 0 || (session.Intents & required) != 0)
                && (guildId is not { } guild || _state.Member(guild, session.Bot.ApplicationId) is not null))
            .Select(session => (Session: session, Data: render(session.Bot with
            {
                HasMessageContentIntent = session.Bot.HasMessageContentIntent && (session.Intents & MessageContentIntent) != 0,
            })))
            .ToList();
        lock (_lock)
        {
            foreach (var (session, data) in targets)
            {
                session.Dispatch(name, data);
            }
        }
    }

    private static int RequiredIntent(string name, ulong? guildId) => name switch
    {
        "INTERACTION_CREATE" or "READY" or "RESUMED" => 0,
        "MESSAGE_CREATE" => guildId is null ? DirectMessagesIntent : GuildMessagesIntent,
        "GUILD_MEMBER_UPDATE" or "GUILD_MEMBER_ADD" or "GUILD_MEMBER_REMOVE" => GuildMembersIntent,
        _ => GuildsIntent,
    };

    private static bool Allowed(BotApplication bot, int intents) =>
        (intents & GuildPresencesIntent) == 0
        && ((intents & GuildMembersIntent) == 0 || bot.HasGuildMembersIntent)
        && ((intents & MessageContentIntent) == 0 || bot.HasMessageContentIntent);

    private static int ShardOf(ulong guildId, int shardCount) => (int)((guildId >> 22) % (ulong)shardCount);

    private IEnumerable<GatewaySession> SessionsOf(int shard) => _sessions.Values.Where(s => s.Shard == shard).ToList();

    private void OnConnections(int shard, Action<GatewayConnection> act)
    {
        lock (_lock)
        {
            foreach (var session in SessionsOf(shard))
            {
                if (session.Connection is { } connection)
                {
                    act(connection);
                }
            }
        }
    }

    /// <param name="at">When the payload arrived, if work came between (identify spacing is measured at arrival).</param>
    private void Record(GatewayLogKind kind, int? shard, string? sessionId, GatewayConnection connection, DateTimeOffset? at = null)
    {
        lock (_lock)
        {
            _log.Add(new GatewayLogEntry(at ?? _options.TimeProvider.GetUtcNow(), kind, shard, sessionId, connection.Path));
        }
    }

    private static async Task<JsonObject?> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        while (true)
        {
            var result = await socket.ReceiveAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Write(chunk, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(buffer.ToArray()) as JsonObject ?? throw new JsonException("A gateway payload must be an object.");
            }
        }
    }
}
