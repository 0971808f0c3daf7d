using TicketSaas.IntegrationTests.Support;
using TicketSaas.Testing;
using static TicketSaas.IntegrationTests.Tickets.OpeningTickets;

namespace TicketSaas.IntegrationTests.Tickets;

/// <summary>Opening a ticket when Discord is slow, rate-limits, or the bot dies half-way.</summary>
public sealed class OpeningFaultTests
{
    private const string CreateThread = "POST /channels/{channel_id}/threads";

    [Fact]
    public async Task With_a_slow_and_rate_limited_thread_creation_the_member_is_answered_in_time_and_gets_one_thread()
    {
        await using var scene = await TicketScene.StartAsync(DatabaseKind.Sqlite);
        var guild = await scene.AddGuildAsync();
        var warmUp = await guild.AddCategoryAsync("First");
        var support = await guild.AddCategoryAsync("Support");
        var (_, panel) = await guild.PublishPanelAsync("buttons", warmUp, support);
        await guild.DeferredReplyAsync(await guild.ClickAsync(panel, ButtonFor(panel, warmUp)));
        scene.Emulator.Faults.SetLatency(CreateThread, TimeSpan.FromSeconds(2.5));
        scene.Emulator.Faults.RateLimitNext(CreateThread, retryAfter: TimeSpan.FromMilliseconds(300));

        var click = await guild.ClickAsync(panel, ButtonFor(panel, support));
        var reply = await guild.DeferredReplyAsync(click);

        var answeredIn = scene.State.Interaction(click.Interaction.Id)!.AnsweredAt!.Value - click.Interaction.CreatedAt;
        Assert.True(answeredIn < TimeSpan.FromSeconds(3), $"The first response took {answeredIn.TotalMilliseconds} ms.");
        Assert.Equal(2, guild.Threads.Count);
        Assert.Equal($"Your ticket is open: {Mention(guild.Threads[1].Id)}", reply);
        Assert.Equal(1, scene.Emulator.Requests.All.Count(r => r.Route == CreateThread && r.Status == 429));
    }

    [Fact]
    public async Task A_bot_killed_between_creating_the_thread_and_committing_it_opens_exactly_one_ticket_after_restart()
    {
        await using var scene = await TicketScene.StartAsync(DatabaseKind.Sqlite,
            new Dictionary<string, string> { ["FailPoints:Kill"] = "tickets-after-thread-created" });
        var guild = await scene.AddGuildAsync();
        var support = await guild.AddCategoryAsync("Support", questions: TwoQuestions);
        var (_, panel) = await guild.PublishPanelAsync("buttons", support);
        var formId = await guild.OpenFormAsync(panel, support);

        var submitted = await guild.SubmitAsync(formId, [new("q0", "A-9"), new("q1", "Crash in the middle.")]);
        await ((ChildHost)scene.Bot).WaitForExitAsync(TimeSpan.FromSeconds(20));
        Assert.Single(guild.Threads);
        Assert.Equal("Opening", await scene.Database.ScalarTextAsync($"SELECT status FROM tickets_ticket WHERE guild_id = {guild.Id}"));

        await scene.StartBotAsync();
        var reply = await guild.DeferredReplyAsync(submitted);

        var thread = Assert.Single(guild.Threads);
        Assert.Equal($"Your ticket is open: {Mention(thread.Id)}", reply);
        Assert.Equal(1, await guild.TicketCountAsync());
        Assert.Equal("Open", await scene.Database.ScalarTextAsync($"SELECT status FROM tickets_ticket WHERE guild_id = {guild.Id}"));
        Assert.Single(await guild.OpenedEventsAsync());
        Assert.Equal(2, scene.State.Messages(thread.Id).SelectMany(m => m.Embeds).Count() - 1);
    }
}
