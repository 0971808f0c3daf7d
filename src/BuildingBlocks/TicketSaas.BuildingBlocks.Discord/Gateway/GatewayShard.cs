using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace TicketSaas.BuildingBlocks.Discord.Gateway;

/// <summary>
/// One gateway connection at a time for one shard, reconnected until cancelled or closed with a fatal code. A
/// session (id, resume URL, last sequence) outlives connections so that a reconnect resumes instead of identifying.
/// </summary>
internal sealed partial class GatewayShard(
    int shard,
    int shardCount,
    Uri gatewayUrl,
    DiscordGatewayOptions options,
    IdentifySchedule identifies,
    IDiscordGatewayHandler handler,
    TimeProvider time,
    ILogger logger)
{
    private const int Dispatch = 0, Heartbeat = 1, Identify = 2, Resume = 6, Reconnect = 7, InvalidSession = 9, Hello = 10, HeartbeatAck = 11;

    /// <summary>Any code but 1000 and 1001 keeps the session resumable.</summary>
    private const WebSocketCloseStatus ResumableClose = (WebSocketCloseStatus)4900;

    private string? _sessionId;
    private Uri? _resumeUrl;
    private long? _sequence;

    private enum Outcome
    {
        /// <summary>The connection worked for a while (or Discord asked to reconnect): reconnect at once.</summary>
        Reconnect,

        /// <summary>The connection never got going: back off before the next attempt.</summary>
        Failed,
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            Outcome outcome;
            try
            {
                outcome = await ConnectOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is WebSocketException or IOException or JsonException or InvalidOperationException
                                              && !cancellationToken.IsCancellationRequested)
            {
                LogConnectionFailed(exception, shard);
                outcome = Outcome.Failed;
            }

            failures = outcome == Outcome.Failed ? failures + 1 : 0;
            if (failures > 0)
            {
                var backoff = options.ReconnectDelay * Math.Min(30, 1 << Math.Min(failures - 1, 5));
                await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<Outcome> ConnectOnceAsync(CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var resuming = _sessionId is not null;
        var url = resuming ? _resumeUrl ?? gatewayUrl : gatewayUrl;
        await socket.ConnectAsync(new Uri(url, "?v=10&encoding=json"), cancellationToken).ConfigureAwait(false);
        var link = new Link(socket);

        var hello = await ReceiveAsync(socket, cancellationToken).ConfigureAwait(false);
        if (hello is not { Op: Hello } || hello.Data.ValueKind != JsonValueKind.Object)
        {
            return Outcome.Failed;
        }

        var interval = TimeSpan.FromMilliseconds(hello.Data.GetProperty("heartbeat_interval").GetDouble());
        var heartbeats = HeartbeatAsync(link, interval, connection.Token);
        var identifying = Task.CompletedTask;
        try
        {
            if (resuming)
            {
                await link.SendAsync(new JsonObject
                {
                    ["op"] = Resume,
                    ["d"] = new JsonObject { ["token"] = options.BotToken, ["session_id"] = _sessionId, ["seq"] = _sequence },
                }, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // The shard's turn may be heartbeats away. Unless the receive loop reads the ACKs meanwhile, the heartbeat
                // takes the waiting connection for a zombie and aborts it: the identify is then lost with it, or, when
                // the abort comes just after the identify, sent again on a new connection.
                identifying = IdentifyOnTurnAsync(link, connection.Token);
            }

            return await ReceiveLoopAsync(link, cancellationToken).ConfigureAwait(false);
        }
        // Aborting disposes a ClientWebSocket, so a receive or send that starts after the abort finds it disposed.
        catch (Exception exception) when (link.Zombie && exception is WebSocketException or OperationCanceledException or ObjectDisposedException
                                          && !cancellationToken.IsCancellationRequested)
        {
            LogZombie(shard);
            return Outcome.Reconnect;
        }
        finally
        {
            await connection.CancelAsync().ConfigureAwait(false);
            await heartbeats.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

            // An identify that could not be sent broke the socket, which ended the receive loop too.
            await identifying.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task IdentifyOnTurnAsync(Link link, CancellationToken cancellationToken)
    {
        await identifies.WaitTurnAsync(shard, cancellationToken).ConfigureAwait(false);
        await link.SendAsync(IdentifyPayload(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<Outcome> ReceiveLoopAsync(Link link, CancellationToken cancellationToken)
    {
        var started = false;
        while (true)
        {
            var payload = await ReceiveAsync(link.Socket, cancellationToken).ConfigureAwait(false);
            if (payload is null)
            {
                return Closed(link.Socket, started);
            }

            switch (payload.Op)
            {
                case Dispatch:
                    _sequence = payload.Sequence ?? _sequence;
                    if (payload.Name == "READY")
                    {
                        _sessionId = payload.Data.GetProperty("session_id").GetString();
                        _resumeUrl = payload.Data.TryGetProperty("resume_gateway_url", out var resumeUrl) ? new Uri(resumeUrl.GetString()!) : null;
                    }

                    started |= payload.Name is "READY" or "RESUMED";
                    await DeliverAsync(payload, cancellationToken).ConfigureAwait(false);
                    break;
                case Heartbeat:
                    await link.SendAsync(HeartbeatPayload(), cancellationToken).ConfigureAwait(false);
                    break;
                case HeartbeatAck:
                    link.Acknowledged = true;
                    break;
                case Reconnect:
                    LogReconnectRequested(shard);
                    await CloseAsync(link.Socket).ConfigureAwait(false);
                    return Outcome.Reconnect;
                case InvalidSession:
                    var resumable = payload.Data.ValueKind == JsonValueKind.True;
                    LogInvalidSession(shard, resumable);
                    if (!resumable)
                    {
                        _sessionId = null;
                    }

                    await CloseAsync(link.Socket).ConfigureAwait(false);
                    await Task.Delay(options.InvalidSessionDelay * (1 + 4 * Random.Shared.NextDouble()), time, cancellationToken).ConfigureAwait(false);
                    return Outcome.Reconnect;
            }
        }
    }

    private Outcome Closed(ClientWebSocket socket, bool started)
    {
        var code = (int?)socket.CloseStatus ?? 0;
        if (DiscordGatewayException.IsFatal(code))
        {
            throw new DiscordGatewayException(shard, code, socket.CloseStatusDescription);
        }

        // 4007 (invalid seq) and 4009 (session timed out) end the session; other closes leave it resumable.
        if (code is 4007 or 4009)
        {
            _sessionId = null;
        }

        LogClosed(shard, code, socket.CloseStatusDescription);
        return started ? Outcome.Reconnect : Outcome.Failed;
    }

    /// <summary>
    /// Beats every interval, the first after a random part of it so that shards started together spread out. A beat
    /// due while the previous one is unanswered means the connection is a zombie: it is aborted, then resumed.
    /// </summary>
    private async Task HeartbeatAsync(Link link, TimeSpan interval, CancellationToken cancellationToken)
    {
        await Task.Delay(interval * Random.Shared.NextDouble(), time, cancellationToken).ConfigureAwait(false);
        link.Acknowledged = true;
        while (true)
        {
            if (!link.Acknowledged)
            {
                link.Zombie = true;
                link.Socket.Abort();
                return;
            }

            link.Acknowledged = false;
            await link.SendAsync(HeartbeatPayload(), cancellationToken).ConfigureAwait(false);
            await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeliverAsync(Payload payload, CancellationToken cancellationToken)
    {
        GatewayEvent gatewayEvent;
        try
        {
            gatewayEvent = GatewayEvent.Parse(payload.Name!, payload.Data, shard, payload.Sequence ?? 0);
        }
        catch (JsonException exception)
        {
            LogUnreadableDispatch(exception, shard, payload.Name);
            return;
        }

        try
        {
            await handler.HandleAsync(gatewayEvent, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One failing handler must not drop the connection and with it the events behind this one.
            LogHandlerFailed(exception, shard, payload.Name);
        }
    }

    private JsonObject IdentifyPayload() => new()
    {
        ["op"] = Identify,
        ["d"] = new JsonObject
        {
            ["token"] = options.BotToken,
            ["intents"] = (int)options.Intents,
            ["properties"] = new JsonObject { ["os"] = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux", ["browser"] = "TicketSaas", ["device"] = "TicketSaas" },
            ["shard"] = new JsonArray(shard, shardCount),
        },
    };

    private JsonObject HeartbeatPayload() => new() { ["op"] = Heartbeat, ["d"] = _sequence };

    private static async Task CloseAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await socket.CloseOutputAsync(ResumableClose, "reconnecting", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            socket.Abort();
        }
    }

    /// <summary>One whole message, or null when the server closed the connection.</summary>
    private static async Task<Payload?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return Payload.Read(buffer.WrittenSpan);
            }
        }
    }

    private sealed record Payload(int Op, JsonElement Data, long? Sequence, string? Name)
    {
        public static Payload Read(ReadOnlySpan<byte> json)
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            return new Payload(
                root.GetProperty("op").GetInt32(),
                root.TryGetProperty("d", out var data) ? data.Clone() : default,
                root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : null,
                root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null);
        }
    }

    /// <summary>The socket with what the heartbeat and receive loops share; sends are one at a time, as WebSockets require.</summary>
    private sealed class Link(ClientWebSocket socket)
    {
        private readonly SemaphoreSlim _sending = new(1, 1);

        public ClientWebSocket Socket { get; } = socket;
        public volatile bool Acknowledged;
        public volatile bool Zombie;

        public async Task SendAsync(JsonObject payload, CancellationToken cancellationToken)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
            await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await Socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _sending.Release();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway shard {Shard}: connection failed")]
    private partial void LogConnectionFailed(Exception exception, int shard);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway shard {Shard}: no heartbeat ACK; reconnecting")]
    private partial void LogZombie(int shard);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway shard {Shard}: Discord asked to reconnect")]
    private partial void LogReconnectRequested(int shard);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway shard {Shard}: invalid session (resumable: {Resumable})")]
    private partial void LogInvalidSession(int shard, bool resumable);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway shard {Shard}: closed with {Code} ({Reason}); reconnecting")]
    private partial void LogClosed(int shard, int code, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gateway shard {Shard}: {Name} could not be read")]
    private partial void LogUnreadableDispatch(Exception exception, int shard, string? name);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gateway shard {Shard}: a handler failed on {Name}")]
    private partial void LogHandlerFailed(Exception exception, int shard, string? name);
}
