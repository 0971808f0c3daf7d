using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TicketSaas.Discord.Emulator.Interactions;
using TicketSaas.Discord.Emulator.State;
using TicketSaas.Testing;
using static TicketSaas.IntegrationTests.Tickets.WorkingTickets;

namespace TicketSaas.IntegrationTests.Tickets;

/// <summary>
/// The inactivity timer with the bot host in process on a clock the test moves, interactions by HTTP only (so activity
/// is read from the threads by the sweep). Categories close after 72 hours and warn 12 hours before.
/// </summary>
public sealed class InactivityTimerTests : IAsyncLifetime
{
    private static readonly TimeSpan UntilWarning = TimeSpan.FromHours(60) + TimeSpan.FromMinutes(1);
    private static readonly TimeSpan UntilClose = TimeSpan.FromHours(12);

    // Discord stamps messages with the real time: the clock starts 60 hours back, so that after the move to the
    // warning it is where Discord is, and a member's message then is as recent as it looks.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(
        DateTime.UtcNow.Ticks / TimeSpan.TicksPerMicrosecond * TimeSpan.TicksPerMicrosecond - UntilWarning.Ticks, TimeSpan.Zero));

    private TicketScene _scene = null!;

    public async Task InitializeAsync() => _scene = await TicketScene.StartAsync(DatabaseKind.Sqlite, botClock: _clock);

    public async Task DisposeAsync() => await _scene.DisposeAsync();

    [Fact]
    public async Task A_quiet_ticket_is_warned_at_the_configured_time_and_closed_after_it()
    {
        var ticket = await OpenQuietTicketAsync();
        Assert.Empty(Notices(ticket));

        var warning = await WarnAsync(ticket);
        Assert.StartsWith("This ticket has been quiet for a while: it closes <t:", warning.Content);
        Assert.Equal("Open", await ticket.ColumnAsync("status"));

        _clock.Advance(UntilClose);
        await _scene.UntilAsync(async () => await ticket.ColumnAsync("status") == "Closed" ? "closed" : null, "the automatic close");
        var closed = await _scene.UntilAsync(() => Notices(ticket).FirstOrDefault(m => m.Content.Contains("closed after", StringComparison.Ordinal)), "the close notice");
        Assert.Equal("This ticket was closed after 72 hours without activity.", closed.Content);
        Assert.Equal("", await ticket.ColumnAsync("COALESCE(closed_by, '')"));
        await _scene.UntilAsync(() => ticket.Thread.Thread is { Archived: true, Locked: true } ? ticket.Thread : null, "the thread locked");
        var close = Assert.Single(await ticket.Guild.EventsAsync("tickets.ticket-closed.v1"));
        Assert.Null(close["ClosedBy"]);
    }

    [Fact]
    public async Task Disable_timer_keeps_the_ticket_open_and_logs_the_notice_in_the_chosen_channel()
    {
        // Both categories exist before the bot host first reads the guild: its configuration cache lives on the test's clock.
        var guild = await _scene.AddGuildAsync();
        var general = await guild.AddCategoryAsync("General");
        var other = await guild.AddCategoryAsync("Other");
        var (_, panel) = await guild.PublishPanelAsync("buttons", general, other);
        var ticket = await guild.OpenTicketAsync(general, panel);
        var unexempt = await guild.OpenTicketAsync(other, panel);
        var warning = await WarnAsync(ticket);

        var modal = await _scene.AnswerAsync(await ticket.ClickAsync(warning, "Disable timer"));
        Assert.Equal((9, "Turn off the inactivity timer"), (modal["type"]!.GetValue<int>(), modal["data"]!["title"]!.GetValue<string>()));
        var disabled = await ticket.AnnouncementAsync(await _scene.Emulator.Interactions.SubmitModalAsync(ticket.ThreadId, guild.Staff.Id,
            modal["data"]!["custom_id"]!.GetValue<string>(),
            [new ModalField("reason", "Waiting for the supplier."), new ModalField("log-channel", Values: [Text(guild.LogChannel.Id)])]));

        Assert.Equal($"<@{guild.Staff.Id}> turned off the inactivity timer. Reason: Waiting for the supplier.", disabled.Content);
        var logged = await _scene.UntilAsync(() => _scene.State.Messages(guild.LogChannel.Id).FirstOrDefault(), "the notice in the log channel");
        Assert.Equal($"<@{guild.Staff.Id}> turned off the inactivity timer of ticket #{ticket.Number} (<#{ticket.ThreadId}>). Reason: Waiting for the supplier.",
            logged.Content);
        Assert.Equal(("1", "Waiting for the supplier."), (await ticket.ColumnAsync("timer_disabled"), await ticket.ColumnAsync("timer_disabled_reason")));

        // Past the deadline: the other quiet ticket closes, which shows the timer ran; the exempt one stays open.
        _clock.Advance(UntilWarning + UntilClose);
        await _scene.UntilAsync(async () => await unexempt.ColumnAsync("status") == "Closed" ? "closed" : null, "the other ticket's automatic close");
        Assert.Equal("Open", await ticket.ColumnAsync("status"));
    }

    [Fact]
    public async Task A_bot_host_down_past_the_deadline_closes_the_ticket_exactly_once_after_its_restart()
    {
        var ticket = await OpenQuietTicketAsync();
        await WarnAsync(ticket);

        await _scene.Bot.DisposeAsync();
        _clock.Advance(UntilClose + TimeSpan.FromHours(5));
        await _scene.StartBotAsync();
        await _scene.UntilAsync(async () => await ticket.ColumnAsync("status") == "Closed" ? "closed" : null, "the close after the restart");

        // Another sweep later finds nothing more to do.
        _clock.Advance(TimeSpan.FromMinutes(2));
        await _scene.UntilAsync(() => ticket.Thread.Thread is { Locked: true } ? ticket.Thread : null, "the thread locked");
        Assert.Single(await ticket.Guild.EventsAsync("tickets.ticket-closed.v1"));
        Assert.Single(Notices(ticket), m => m.Content.Contains("closed after", StringComparison.Ordinal));
        Assert.Equal("1", await ticket.ColumnAsync("close_count"));
    }

    [Fact]
    public async Task A_members_message_after_the_warning_starts_the_timer_over()
    {
        var ticket = await OpenQuietTicketAsync();
        await WarnAsync(ticket);
        var before = await ticket.ColumnAsync("auto_close_at");

        _scene.State.PostUserMessage(ticket.ThreadId, ticket.Guild.Member.Id, "Still waiting for an answer!");
        _clock.Advance(UntilClose);
        await _scene.UntilAsync(async () => await ticket.ColumnAsync("auto_close_at") != before ? "moved" : null, "the deadline moved by the message");

        Assert.Equal(("Open", ""), (await ticket.ColumnAsync("status"), await ticket.ColumnAsync("COALESCE(inactivity_warned_at, '')")));
    }

    private async Task<OpenTicket> OpenQuietTicketAsync()
    {
        var guild = await _scene.AddGuildAsync();
        return await guild.OpenTicketAsync();
    }

    /// <summary>Moves the clock to the warning and waits for it.</summary>
    private async Task<DiscordMessage> WarnAsync(OpenTicket ticket)
    {
        _clock.Advance(UntilWarning);
        var warning = await _scene.UntilAsync(() => Notices(ticket).FirstOrDefault(m => m.Content.StartsWith("This ticket has been quiet", StringComparison.Ordinal)),
            "the inactivity warning");
        Assert.NotEqual("", await ticket.ColumnAsync("COALESCE(inactivity_warned_at, '')"));
        return warning;
    }

    /// <summary>The bot's messages in the ticket's thread after the welcome.</summary>
    private IReadOnlyList<DiscordMessage> Notices(OpenTicket ticket) =>
        [.. _scene.State.Messages(ticket.ThreadId).Where(m => m.Id != ticket.Welcome.Id && m.VisibleOnlyTo is null)];

    private static string Text(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
