using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TicketSaas.BuildingBlocks.Discord.Builders;
using TicketSaas.BuildingBlocks.Discord.Entities;
using TicketSaas.BuildingBlocks.Discord.Gateway;
using TicketSaas.BuildingBlocks.Discord.Interactions;
using TicketSaas.Discord.Emulator.Interactions;
using InteractionRecord = TicketSaas.Discord.Emulator.State.InteractionRecord;

namespace TicketSaas.Discord.GatewayTests;

/// <summary>
/// Gateway mode in a host (AddDiscordGateway): interactions the emulator dispatches over the gateway are answered by
/// the same handler chain as HTTP ones, through the callback route; other dispatches reach the event handlers.
/// </summary>
public sealed class GatewayInteractionTests
{
    [Fact]
    public async Task A_button_click_over_the_gateway_is_answered_once_by_the_handler_chain_through_the_callback()
    {
        await using var scene = await GatewayScene.StartAsync();
        var buttons = new TicketButtons();
        using var host = scene.BuildHost(services => buttons.Register(services).AddSingleton<IDiscordGatewayEventHandler>(scene.Events));
        var panel = await StartAsync(scene, host);

        var first = await scene.Emulator.Interactions.ClickButtonAsync(scene.Channel.Id, panel.Id, scene.Owner.Id, "ticket:open");
        var second = await scene.Emulator.Interactions.ClickButtonAsync(scene.Channel.Id, panel.Id, scene.Owner.Id, "ticket:open");
        var answers = await Task.WhenAll(AnsweredAsync(scene, first.Interaction), AnsweredAsync(scene, second.Interaction));
        await host.StopAsync();

        Assert.All(answers, answer => Assert.Equal((4, "Ticket opened"), (answer.CallbackType, answer.CallbackData!["content"]!.GetValue<string>())));
        foreach (var interaction in answers)
        {
            Assert.Single(scene.Emulator.Requests.All,
                r => r.Method == "POST" && r.Path.EndsWith($"/interactions/{interaction.Id}/{interaction.Token}/callback", StringComparison.Ordinal));
        }

        // One handler instance per interaction: each ran in a scope of its own.
        Assert.Equal([first.Interaction.Id, second.Interaction.Id], buttons.Answered.Select(a => a.InteractionId).Order());
        Assert.Equal(2, buttons.Answered.Select(a => a.Handler).Distinct().Count());
        Assert.Empty(scene.Events.Of<InteractionDispatched>());
    }

    [Fact]
    public async Task A_slow_handler_holds_up_neither_other_interactions_nor_the_shards_events()
    {
        await using var scene = await GatewayScene.StartAsync();
        var buttons = new TicketButtons();
        using var host = scene.BuildHost(services => buttons.Register(services).AddSingleton<IDiscordGatewayEventHandler>(scene.Events));
        var panel = await StartAsync(scene, host);

        var slow = await scene.Emulator.Interactions.ClickButtonAsync(scene.Channel.Id, panel.Id, scene.Owner.Id, "ticket:slow");
        var fast = await scene.Emulator.Interactions.ClickButtonAsync(scene.Channel.Id, panel.Id, scene.Owner.Id, "ticket:open");
        await AnsweredAsync(scene, fast.Interaction);
        scene.Emulator.State.PostUserMessage(scene.Channel.Id, scene.Owner.Id, "still there?");
        await scene.Events.WaitForAsync<MessageCreated>();

        Assert.Null(scene.Emulator.State.Interaction(slow.Interaction.Id)!.AnsweredAt);
        buttons.Release.SetResult();
        Assert.Equal("Slow but sure", (await AnsweredAsync(scene, slow.Interaction)).CallbackData!["content"]!.GetValue<string>());
        await host.StopAsync();
    }

    [Fact]
    public async Task Failures_are_logged_and_stop_neither_other_handlers_nor_later_interactions()
    {
        await using var scene = await GatewayScene.StartAsync();
        var buttons = new TicketButtons();
        var logs = new LogCollector();
        using var host = scene.BuildHost(services => buttons.Register(services)
            .AddSingleton<IDiscordGatewayEventHandler, FailingEventHandler>()
            .AddSingleton<IDiscordGatewayEventHandler>(scene.Events), logs);
        var panel = await StartAsync(scene, host);

        var broken = await scene.Emulator.Interactions.ClickButtonAsync(scene.Channel.Id, panel.Id, scene.Owner.Id, "ticket:broken");
        var unclaimed = await scene.Emulator.Interactions.ClickButtonAsync(scene.Channel.Id, panel.Id, scene.Owner.Id, "poll:vote");
        var working = await scene.Emulator.Interactions.ClickButtonAsync(scene.Channel.Id, panel.Id, scene.Owner.Id, "ticket:open");
        await AnsweredAsync(scene, working.Interaction);
        await Eventually.WaitAsync(() => logs.All.Any(e => e.Message.Contains($"{unclaimed.Interaction.Id}", StringComparison.Ordinal)), "the unclaimed interaction logged");
        await host.StopAsync();

        var failure = Assert.Single(logs.All, e => e.Level == LogLevel.Error && e.Message.Contains($"{broken.Interaction.Id}", StringComparison.Ordinal));
        Assert.Equal("the ticket system is down", failure.Exception!.Message);
        var unanswered = Assert.Single(logs.All, e => e.Message.Contains($"{unclaimed.Interaction.Id}", StringComparison.Ordinal));
        Assert.Equal((LogLevel.Warning, "No handler answered interaction " + unclaimed.Interaction.Id + " of type MessageComponent (poll:vote)"),
            (unanswered.Level, unanswered.Message));
        Assert.Null(scene.Emulator.State.Interaction(broken.Interaction.Id)!.AnsweredAt);
        Assert.Null(scene.Emulator.State.Interaction(unclaimed.Interaction.Id)!.AnsweredAt);
        Assert.Contains(logs.All, e => e.Level == LogLevel.Error && e.Message == $"{nameof(FailingEventHandler)} failed on {nameof(GuildAvailable)} from shard 0");
        Assert.NotEmpty(scene.Events.Of<GuildAvailable>());
    }

    [Fact]
    public async Task Intents_come_from_configuration_and_one_discord_refuses_stops_the_host()
    {
        await using var scene = await GatewayScene.StartAsync(options => options.HasMessageContentIntent = false);
        var logs = new LogCollector();
        using var refused = scene.BuildHost(_ => { }, logs);
        using var configured = scene.BuildHost(services => services.AddSingleton<IDiscordGatewayEventHandler>(scene.Events),
            settings: new Dictionary<string, string?> { ["Discord:Gateway:Intents"] = "Guilds, GuildMessages" });

        // The default intents hold MESSAGE_CONTENT, which this bot is not granted: Discord closes with 4014.
        await refused.StartAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await refused.WaitForShutdownAsync(patience.Token);
        Assert.Contains(logs.All, e => e.Exception is DiscordGatewayException { CloseCode: 4014 });

        await configured.StartAsync();
        await scene.Events.WaitForAsync<GuildAvailable>();
        await configured.StopAsync();
    }

    /// <summary>Starts the host, waits until its shard has the guild, and posts a panel to click; interactions then go by the gateway.</summary>
    private static async Task<DiscordMessage> StartAsync(GatewayScene scene, IHost host)
    {
        await host.StartAsync();
        await scene.Events.WaitForAsync<GuildAvailable>();
        scene.Emulator.Interactions.Transport = InteractionTransport.Gateway;
        return await scene.Rest.CreateMessageAsync(scene.Channel.Id, new DiscordMessageBuilder().WithContent("Open a ticket"));
    }

    private static Task<InteractionRecord> AnsweredAsync(GatewayScene scene, InteractionRecord interaction) =>
        Eventually.WaitAsync(() => scene.Emulator.State.Interaction(interaction.Id) is { AnsweredAt: not null } answered ? answered : null,
            $"an answer to interaction {interaction.Id}");

    /// <summary>The handlers of a ticket panel: one that claims nothing, asked first, then the panel's buttons.</summary>
    private sealed class TicketButtons
    {
        private readonly Lock _lock = new();
        private readonly List<(ulong InteractionId, object Handler)> _answered = [];

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<(ulong InteractionId, object Handler)> Answered
        {
            get
            {
                lock (_lock)
                {
                    return [.. _answered];
                }
            }
        }

        public IServiceCollection Register(IServiceCollection services) => services
            .AddSingleton(this)
            .AddScoped<IDiscordInteractionHandler, NotMine>()
            .AddScoped<IDiscordInteractionHandler, PanelHandler>();

        private void Record(ulong interactionId, object handler)
        {
            lock (_lock)
            {
                _answered.Add((interactionId, handler));
            }
        }

        private sealed class NotMine : IDiscordInteractionHandler
        {
            public ValueTask<DiscordInteractionResponse?> HandleAsync(InteractionCreated interaction, CancellationToken cancellationToken) =>
                ValueTask.FromResult<DiscordInteractionResponse?>(null);
        }

        private sealed class PanelHandler(TicketButtons buttons) : IDiscordInteractionHandler
        {
            public async ValueTask<DiscordInteractionResponse?> HandleAsync(InteractionCreated interaction, CancellationToken cancellationToken)
            {
                switch (interaction)
                {
                    case ComponentInteractionCreated { CustomId: "ticket:open" }:
                        buttons.Record(interaction.Interaction.Id, this);
                        return DiscordInteractionResponse.Reply(new DiscordMessageBuilder().WithContent("Ticket opened").AsEphemeral());
                    case ComponentInteractionCreated { CustomId: "ticket:slow" }:
                        await buttons.Release.Task.WaitAsync(cancellationToken);
                        return DiscordInteractionResponse.Reply(new DiscordMessageBuilder().WithContent("Slow but sure").AsEphemeral());
                    case ComponentInteractionCreated { CustomId: "ticket:broken" }:
                        throw new InvalidOperationException("the ticket system is down");
                    default:
                        return null;
                }
            }
        }
    }

    private sealed class FailingEventHandler : IDiscordGatewayEventHandler
    {
        public ValueTask HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"cannot take {gatewayEvent.GetType().Name}");
    }
}
