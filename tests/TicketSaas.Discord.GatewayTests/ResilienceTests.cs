using TicketSaas.BuildingBlocks.Discord.Gateway;
using TicketSaas.Discord.Emulator.Gateway;

namespace TicketSaas.Discord.GatewayTests;

/// <summary>Sessions survive what Discord does to connections: drops, invalid sessions, reconnect requests, zombies, fatal closes.</summary>
public sealed class ResilienceTests
{
    [Fact]
    public async Task A_forced_disconnect_is_resumed_without_identifying_and_without_losing_a_dispatch()
    {
        await using var scene = await GatewayScene.StartAsync();
        scene.StartClient();
        await scene.Events.WaitForAsync<GuildAvailable>();
        for (var i = 0; i < 5; i++)
        {
            scene.Emulator.State.PostUserMessage(scene.Channel.Id, scene.Owner.Id, $"before {i}");
        }

        await scene.Events.WaitForCountAsync<MessageCreated>(5);
        scene.Gateway.Disconnect(0);
        for (var i = 0; i < 5; i++)
        {
            // Posted while the client is away: the resume must replay them.
            scene.Emulator.State.PostUserMessage(scene.Channel.Id, scene.Owner.Id, $"after {i}");
        }

        await scene.Events.WaitForAsync<SessionResumed>();
        await scene.Events.WaitForCountAsync<MessageCreated>(10);

        Assert.Equal(1, scene.Count(GatewayLogKind.Identified));
        Assert.Equal(GatewayServer.ResumePath, Assert.Single(scene.Gateway.Log, e => e.Kind == GatewayLogKind.Resumed).Path);
        var events = scene.Events.All;
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(
            [.. Enumerable.Range(0, 5).Select(i => $"before {i}"), .. Enumerable.Range(0, 5).Select(i => $"after {i}")],
            scene.Events.Of<MessageCreated>().Select(m => m.Message.Content));
    }

    [Fact]
    public async Task An_invalid_session_that_cannot_be_resumed_leads_to_a_new_identify()
    {
        await using var scene = await GatewayScene.StartAsync();
        scene.StartClient();
        var first = await scene.Events.WaitForAsync<SessionReady>();

        scene.Gateway.InvalidateSession(0, resumable: false);

        var second = await scene.Events.WaitForAsync<SessionReady>(ready => ready.SessionId != first.SessionId);
        Assert.Equal(1, second.Sequence);
        Assert.Equal(2, scene.Count(GatewayLogKind.Identified));
        Assert.Equal(0, scene.Count(GatewayLogKind.Resumed));
    }

    [Fact]
    public async Task A_resumable_invalid_session_and_a_reconnect_request_are_resumed()
    {
        await using var scene = await GatewayScene.StartAsync();
        scene.StartClient();
        await scene.Events.WaitForAsync<GuildAvailable>();

        scene.Gateway.InvalidateSession(0, resumable: true);
        await scene.Events.WaitForCountAsync<SessionResumed>(1);
        scene.Gateway.RequestReconnect(0);
        await scene.Events.WaitForCountAsync<SessionResumed>(2);
        scene.Gateway.Close(0, 4000, "Unknown error.");
        await scene.Events.WaitForCountAsync<SessionResumed>(3);

        Assert.Equal(1, scene.Count(GatewayLogKind.Identified));
        Assert.False(scene.Running.IsCompleted);
    }

    [Fact]
    public async Task A_wrong_token_closes_with_4004_which_is_fatal_and_not_retried()
    {
        await using var scene = await GatewayScene.StartAsync();
        scene.StartClient(options => options.BotToken = "not-the-token");

        var fatal = await Assert.ThrowsAsync<DiscordGatewayException>(() => scene.Running.WaitAsync(TimeSpan.FromSeconds(15)));

        Assert.Equal((0, 4004), (fatal.Shard, fatal.CloseCode));
        await Task.Delay(GatewayScene.HeartbeatInterval);
        Assert.Single(scene.Gateway.Log, e => e.Kind == GatewayLogKind.Connected);
    }

    [Theory]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public async Task Closes_that_reconnecting_cannot_fix_stop_the_client(int code)
    {
        await using var scene = await GatewayScene.StartAsync();
        scene.StartClient();
        await scene.Events.WaitForAsync<GuildAvailable>();

        scene.Gateway.Close(0, code);

        var fatal = await Assert.ThrowsAsync<DiscordGatewayException>(() => scene.Running.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.Equal(code, fatal.CloseCode);
        Assert.Single(scene.Gateway.Log, e => e.Kind == GatewayLogKind.Connected);
    }

    [Fact]
    public async Task Privileged_intents_the_bot_lacks_are_refused_with_4014()
    {
        await using var scene = await GatewayScene.StartAsync(options => options.HasMessageContentIntent = false);
        scene.StartClient();

        var fatal = await Assert.ThrowsAsync<DiscordGatewayException>(() => scene.Running.WaitAsync(TimeSpan.FromSeconds(15)));

        Assert.Equal(4014, fatal.CloseCode);
    }

    [Fact]
    public async Task A_connection_whose_heartbeats_go_unanswered_is_replaced_within_two_intervals()
    {
        await using var scene = await GatewayScene.StartAsync();
        scene.StartClient();
        await scene.Events.WaitForAsync<GuildAvailable>();
        await scene.WaitForLogAsync(log => log.Any(e => e.Kind == GatewayLogKind.HeartbeatReceived), "a first heartbeat");

        var silencedAt = DateTimeOffset.UtcNow;
        scene.Gateway.Silence(0);
        scene.Emulator.State.PostUserMessage(scene.Channel.Id, scene.Owner.Id, "sent to a zombie");
        await scene.Events.WaitForAsync<SessionResumed>();

        var reconnectedAt = scene.Gateway.Log.Last(e => e.Kind == GatewayLogKind.Connected).Time;
        // Two intervals at most: the beat in flight when the silence began, then the one that finds no ACK. A
        // quarter interval more absorbs timer lateness on a busy machine.
        Assert.InRange(reconnectedAt - silencedAt, TimeSpan.Zero, GatewayScene.HeartbeatInterval * 2.25);
        Assert.Equal(1, scene.Count(GatewayLogKind.Identified));
        Assert.Equal("sent to a zombie", (await scene.Events.WaitForAsync<MessageCreated>()).Message.Content);
    }
}
