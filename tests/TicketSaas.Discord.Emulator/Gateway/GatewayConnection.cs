using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using TicketSaas.Discord.Emulator.Http;

namespace TicketSaas.Discord.Emulator.Gateway;

/// <summary>One client's WebSocket. Everything it is sent goes through one queue, so frames never interleave.</summary>
internal sealed class GatewayConnection(WebSocket socket, string path, string host)
{
    private readonly Channel<Frame> _outbox = Channel.CreateUnbounded<Frame>(new() { SingleReader = true });

    public WebSocket Socket { get; } = socket;

    /// <summary>The path the client connected to: the gateway URL or the resume URL.</summary>
    public string Path { get; } = path;

    /// <summary>host:port as the client addressed it, for the resume URL.</summary>
    public string Host { get; } = host;

    /// <summary>A silent connection stays open but sends nothing more (no ACK, no dispatch): a zombie, as the client sees it.</summary>
    public volatile bool Silent;

    public void Send(JsonObject payload) => _outbox.Writer.TryWrite(new Frame(JsonSerializer.SerializeToUtf8Bytes(payload, Renderer.Wire), null));

    /// <summary>Closes after everything queued before has been sent.</summary>
    public void Close(int code, string reason) => _outbox.Writer.TryWrite(new Frame(null, (code, reason)));

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Abort()
    {
        _outbox.Writer.TryComplete();
        Socket.Abort();
    }

    public async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var frame in _outbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (frame.Close is var (code, reason))
                {
                    await Socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, cancellationToken).ConfigureAwait(false);
                    return;
                }

                if (!Silent && frame.Json is { } json)
                {
                    await Socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away; the session keeps what it was sent for a resume.
        }
    }

    private sealed record Frame(byte[]? Json, (int Code, string Reason)? Close);
}
