using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace TicketSaas.Discord.Emulator.Tests;

/// <summary>
/// A bare gateway client: it identifies as the emulator's bot (GUILDS, GUILD_MESSAGES, DIRECT_MESSAGES) and keeps
/// every dispatch it receives, in order. It never heartbeats, so keep its tests shorter than a heartbeat interval.
/// </summary>
public sealed class GatewayProbe : IAsyncDisposable
{
    private const int Intents = (1 << 0) | (1 << 9) | (1 << 12);

    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(string Name, JsonObject Data)> _dispatches = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private Task _reading = Task.CompletedTask;

    /// <summary>Connects, identifies and waits for READY.</summary>
    public static async Task<GatewayProbe> ConnectAsync(DiscordEmulator emulator)
    {
        var probe = new GatewayProbe();
        await probe._socket.ConnectAsync(emulator.GatewayUri, CancellationToken.None);
        await probe.ReceiveAsync();
        var identify = new JsonObject
        {
            ["op"] = 2,
            ["d"] = new JsonObject
            {
                ["token"] = emulator.Bot.Token,
                ["intents"] = Intents,
                ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "probe", ["device"] = "probe" },
            },
        };
        await probe._socket.SendAsync(Encoding.UTF8.GetBytes(identify.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        probe._reading = probe.ReadAsync();
        await probe.WaitForAsync("READY");
        return probe;
    }

    public IReadOnlyList<(string Name, JsonObject Data)> Dispatches
    {
        get
        {
            lock (_dispatches)
            {
                return [.. _dispatches];
            }
        }
    }

    /// <summary>The first dispatch of that name (and match) received so far or within five seconds.</summary>
    public async Task<JsonObject> WaitForAsync(string name, Func<JsonObject, bool>? match = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (true)
        {
            var found = Dispatches.FirstOrDefault(d => d.Name == name && (match?.Invoke(d.Data) ?? true));
            if (found.Data is not null)
            {
                return found.Data;
            }

            try
            {
                await _arrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"No {name} dispatch arrived; got {string.Join(", ", Dispatches.Select(d => d.Name))}.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        try
        {
            await _reading;
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The probe was aborted mid-read.
        }

        _socket.Dispose();
        _stop.Dispose();
        _arrived.Dispose();
    }

    private async Task ReadAsync()
    {
        while (!_stop.IsCancellationRequested && await ReceiveAsync() is { } payload)
        {
            if (payload["op"]?.GetValue<int>() == 0)
            {
                lock (_dispatches)
                {
                    _dispatches.Add((payload["t"]!.GetValue<string>(), payload["d"]!.AsObject()));
                }

                _arrived.Release();
            }
        }
    }

    private async Task<JsonObject?> ReceiveAsync()
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        while (true)
        {
            var result = await _socket.ReceiveAsync(chunk, _stop.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Write(chunk, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(buffer.ToArray())!.AsObject();
            }
        }
    }
}
