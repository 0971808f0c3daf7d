using System.Globalization;
using TicketSaas.Discord.Emulator.Interactions;
using TicketSaas.IntegrationTests.Support;
using static TicketSaas.IntegrationTests.Tickets.WorkingTickets;

namespace TicketSaas.IntegrationTests.Tickets;

/// <summary>
/// Staff work a ticket from Discord, end to end: each action is checked in the database, in Discord (the emulator's
/// state) and in the published event. Runs with interactions by HTTP and by the gateway.
/// </summary>
public abstract class WorkingTicketTests(TicketSceneFixture fixture)
{
    protected TicketSceneFixture Fixture => fixture;

    [SkippableFact]
    public async Task Staff_claim_a_ticket_and_release_it_again()
    {
        var ticket = await (await (await fixture.SceneAsync()).AddGuildAsync()).OpenTicketAsync();
        var guild = ticket.Guild;

        var claimed = await ticket.AnnouncementAsync(await ticket.ClickAsync(ticket.Welcome, "Claim"));

        Assert.Equal($"<@{guild.Staff.Id}> claimed this ticket.", claimed.Content);
        Assert.Equal(ticket.ThreadId, claimed.ChannelId);
        Assert.Equal(Text(guild.Staff.Id), await ticket.ColumnAsync("claimed_by"));
        var claim = Assert.Single(await guild.EventsAsync("tickets.ticket-claimed.v1"));
        Assert.Equal((ticket.Id.ToString(), Text(guild.Staff.Id)), (claim["TicketId"]!.ToString(), claim["ClaimedBy"]!.ToString()));
        var audit = Assert.Single(await guild.EventsAsync("platform.audit-recorded.v1"), e => e["Command"]!.GetValue<string>() == "ClaimTicketCommand");
        Assert.Equal(Text(guild.Staff.Id), audit["ActorUserId"]!.ToString());
        Assert.Contains("ClaimedBy", audit["Changes"]!.GetValue<string>());

        var released = await ticket.AnnouncementAsync(await ticket.ClickAsync(claimed, "Release"));
        Assert.Equal($"<@{guild.Staff.Id}> released this ticket.", released.Content);
        Assert.Equal("", await ticket.ColumnAsync("COALESCE(claimed_by, '')"));
    }

    [SkippableFact]
    public async Task Closing_with_a_reason_locks_the_thread_publishes_the_close_and_asks_the_opener_for_stars()
    {
        var ticket = await (await (await fixture.SceneAsync()).AddGuildAsync()).OpenTicketAsync();
        var (guild, scene) = (ticket.Guild, ticket.Scene);

        var modal = await scene.AnswerAsync(await ticket.ClickAsync(ticket.Welcome, "Close with reason"));
        Assert.Equal(9, modal["type"]!.GetValue<int>());
        var closed = await ticket.AnnouncementAsync(await scene.Emulator.Interactions.SubmitModalAsync(
            ticket.ThreadId, guild.Staff.Id, modal["data"]!["custom_id"]!.GetValue<string>(), [new ModalField("reason", "Refund sent.")]));

        Assert.Equal($"<@{guild.Staff.Id}> closed this ticket. Reason: Refund sent.", closed.Content);
        await scene.UntilAsync(() => ticket.Thread.Thread is { Archived: true, Locked: true } ? ticket.Thread : null, "the thread archived and locked");
        Assert.NotNull(scene.State.Channel(ticket.ThreadId));
        Assert.Equal(("Closed", "Refund sent.", "1"),
            (await ticket.ColumnAsync("status"), await ticket.ColumnAsync("close_reason"), await ticket.ColumnAsync("close_count")));
        var close = Assert.Single(await guild.EventsAsync("tickets.ticket-closed.v1"));
        Assert.Equal((ticket.Number, 1, "Refund sent.", Text(guild.Staff.Id), Text(guild.Member.Id), "en"),
            (close["Number"]!.GetValue<int>(), close["CloseSequence"]!.GetValue<int>(), close["Reason"]!.GetValue<string>(),
                close["ClosedBy"]!.ToString(), close["OpenerId"]!.ToString(), close["Language"]!.GetValue<string>()));
        Assert.Equal([Text(ticket.ThreadId)], close["ThreadIds"]!.AsArray().Select(t => t!.ToString()));
        Assert.Equal([Text(guild.StaffRole.Id)], close["StaffRoleIds"]!.AsArray().Select(t => t!.ToString()));
        Assert.Equal(Text(guild.LogChannel.Id), close["LogChannelId"]!.ToString());

        // The transcript's link arrives by DM too; the feedback DM is the one with the star buttons.
        var ask = await scene.UntilAsync(() => scene.DirectMessages(guild.Member).FirstOrDefault(m => m.Components.Count > 0), "the feedback DM");
        Assert.StartsWith($"Your ticket #{ticket.Number} (<#{ticket.ThreadId}>) was closed.", ask.Content);
        var rated = await scene.AnswerAsync(await scene.Emulator.Interactions.ClickButtonAsync(ask.ChannelId, ask.Id, guild.Member.Id, OpenTicket.ButtonId(ask, "★★★★")));
        Assert.Equal((7, "Thank you for rating us ★★★★☆!"), (rated["type"]!.GetValue<int>(), rated["data"]!["content"]!.GetValue<string>()));
        Assert.Empty(scene.State.Message(ask.ChannelId, ask.Id)!.Components);
        Assert.Equal("4", await ticket.ColumnAsync("rating"));
        var rating = Assert.Single(await guild.EventsAsync("tickets.ticket-rated.v1"));
        Assert.Equal(4, rating["Stars"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Close_asks_for_confirmation_and_reopen_brings_the_ticket_back_for_a_second_close()
    {
        var ticket = await (await (await fixture.SceneAsync()).AddGuildAsync()).OpenTicketAsync();
        var (guild, scene) = (ticket.Guild, ticket.Scene);

        var question = await scene.AnswerAsync(await ticket.ClickAsync(ticket.Welcome, "Close"));
        Assert.Equal(64, question["data"]!["flags"]!.GetValue<int>() & 64);
        Assert.Equal("Open", await ticket.ColumnAsync("status"));
        var confirm = question["data"]!["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>();
        var closed = await ticket.AnnouncementAsync(await scene.Emulator.Interactions.ClickButtonAsync(ticket.ThreadId, ticket.Welcome.Id, guild.Staff.Id, confirm));
        Assert.Equal($"<@{guild.Staff.Id}> closed this ticket.", closed.Content);
        await scene.UntilAsync(() => ticket.Thread.Thread is { Locked: true } ? ticket.Thread : null, "the thread locked");

        var reopened = await ticket.AnnouncementAsync(await ticket.ClickAsync(closed, "Reopen"));
        Assert.Equal($"<@{guild.Staff.Id}> reopened this ticket.", reopened.Content);
        Assert.Equal(("Open", "1"), (await ticket.ColumnAsync("status"), await ticket.ColumnAsync("close_count")));
        Assert.False(ticket.Thread.Thread!.Archived || ticket.Thread.Thread.Locked);
        Assert.Single(await guild.EventsAsync("tickets.ticket-reopened.v1"));

        await ticket.AnnouncementAsync(await ticket.CommandAsync("close", Option("reason", "Solved twice.")));
        var closes = await guild.EventsAsync("tickets.ticket-closed.v1");
        Assert.Equal([1, 2], closes.Select(e => e["CloseSequence"]!.GetValue<int>()).Order());
        Assert.Equal("2", await ticket.ColumnAsync("close_count"));
    }

    [SkippableFact]
    public async Task The_opener_denies_a_close_request_then_accepts_the_next()
    {
        var ticket = await (await (await fixture.SceneAsync()).AddGuildAsync()).OpenTicketAsync();
        var (guild, scene) = (ticket.Guild, ticket.Scene);

        var request = await ticket.AnnouncementAsync(await ticket.CommandAsync("closerequest"));
        Assert.Equal($"<@{guild.Staff.Id}> asks to close this ticket. <@{guild.Member.Id}>, may we close it?", request.Content);
        Assert.Equal(Text(guild.Staff.Id), await ticket.ColumnAsync("close_requested_by"));

        var staffTries = await scene.EphemeralAsync(await ticket.ClickAsync(request, "Yes, close it"));
        Assert.Contains("Only the member who opened the ticket", staffTries);
        var denied = await ticket.AnnouncementAsync(await ticket.ClickAsync(request, "No, keep it open", guild.Member));
        Assert.Equal($"<@{guild.Member.Id}> would like to keep this ticket open.", denied.Content);
        Assert.Equal(("Open", ""), (await ticket.ColumnAsync("status"), await ticket.ColumnAsync("COALESCE(close_requested_by, '')")));

        var again = await ticket.AnnouncementAsync(await ticket.CommandAsync("closerequest", Option("reason", "Looks solved")));
        Assert.Contains("(Looks solved)", again.Content);
        await ticket.AnnouncementAsync(await ticket.ClickAsync(again, "Yes, close it", guild.Member));
        Assert.Equal(("Closed", Text(guild.Member.Id), "Looks solved"),
            (await ticket.ColumnAsync("status"), await ticket.ColumnAsync("closed_by"), await ticket.ColumnAsync("close_reason")));
        Assert.Equal(Text(guild.Member.Id), Assert.Single(await guild.EventsAsync("tickets.ticket-closed.v1"))["ClosedBy"]!.ToString());
    }

    [SkippableFact]
    public async Task Rename_and_member_changes_reach_the_thread()
    {
        var ticket = await (await (await fixture.SceneAsync()).AddGuildAsync()).OpenTicketAsync();
        var (guild, scene) = (ticket.Guild, ticket.Scene);

        var renamed = await ticket.AnnouncementAsync(await ticket.CommandAsync("rename", Option("name", "refund-alice")));
        Assert.Equal($"<@{guild.Staff.Id}> renamed this ticket to **refund-alice**.", renamed.Content);
        await scene.UntilAsync(() => ticket.Thread.Name == "refund-alice" ? ticket.Thread : null, "the thread renamed");
        Assert.Equal("refund-alice", await ticket.ColumnAsync("thread_name"));

        var added = await ticket.AnnouncementAsync(await ticket.CommandAsync("add", User(guild.OtherMember)));
        Assert.Equal($"<@{guild.Staff.Id}> added <@{guild.OtherMember.Id}> to this ticket.", added.Content);
        await scene.UntilAsync(() => scene.State.ThreadMembers(ticket.ThreadId).Contains(guild.OtherMember.Id) ? ticket.Thread : null, "the member added");

        await ticket.AnnouncementAsync(await ticket.CommandAsync("remove", User(guild.OtherMember)));
        await scene.UntilAsync(() => scene.State.ThreadMembers(ticket.ThreadId).Contains(guild.OtherMember.Id) ? null : ticket.Thread, "the member removed");
        Assert.Contains(guild.Member.Id, scene.State.ThreadMembers(ticket.ThreadId));
    }

    [SkippableFact]
    public async Task Moving_opens_a_linked_thread_under_the_target_category_and_locks_the_old_one()
    {
        var scene = await fixture.SceneAsync();
        var guild = await scene.AddGuildAsync();
        var ticket = await guild.OpenTicketAsync("General");
        var billingChannel = scene.State.AddTextChannel(guild.Id, "billing-tickets");
        var billingRole = scene.State.AddRole(guild.Id, "Billing Team", mentionable: true);
        var billing = await guild.AddCategoryAsync("Billing");
        await guild.Admin.PutJsonAsync($"{guild.Api}/categories/{billing}", new
        {
            name = "Billing", namingScheme = "billing-{number}", staffRoleIds = new[] { Text(billingRole.Id) }, parentChannelId = Text(billingChannel.Id),
            logChannelId = Text(guild.LogChannel.Id), openTicketLimit = 1, cooldownSeconds = 0, bypassRoleIds = Array.Empty<string>(),
            formQuestions = Array.Empty<object>(), autoCloseAfterHours = 72, warningBeforeCloseHours = 12,
        });

        // The bot host learns of the new category by event; until then it says there is nothing to move to.
        var select = await scene.UntilAsync(async () =>
        {
            var choice = await scene.AnswerAsync(await ticket.CommandAsync("move"));
            return choice["data"]?["components"]?[0]?["components"]?[0];
        }, "a move choice listing the new category");
        Assert.Equal(["Billing"], select["options"]!.AsArray().Select(o => o!["label"]!.GetValue<string>()));
        var moving = await ticket.AnnouncementAsync(await scene.Emulator.Interactions.SelectAsync(
            ticket.ThreadId, ticket.Welcome.Id, guild.Staff.Id, select["custom_id"]!.GetValue<string>(), [billing.ToString("N")]));
        Assert.Equal($"<@{guild.Staff.Id}> is moving this ticket to **Billing**…", moving.Content);

        var moved = await scene.UntilAsync(() => scene.State.Threads(billingChannel.Id).SingleOrDefault(), "the new thread");
        Assert.Equal($"billing-{ticket.Number}", moved.Name);
        var welcome = await scene.UntilAsync(() => scene.State.Messages(moved.Id).FirstOrDefault(), "the new thread's welcome");
        Assert.Equal($"Moved here from <#{ticket.ThreadId}>.\nWelcome <@{guild.Member.Id}>! <@&{billingRole.Id}> will be with you shortly.", welcome.Content);
        await scene.UntilAsync(() => ticket.Thread.Thread is { Archived: true, Locked: true } ? ticket.Thread : null, "the old thread locked");
        Assert.Contains(scene.State.Messages(ticket.ThreadId), m => m.Content == $"This ticket continues in <#{moved.Id}>.");
        Assert.Contains(guild.Member.Id, scene.State.ThreadMembers(moved.Id));

        Assert.Equal((billing.ToString(), Text(moved.Id), ticket.Number.ToString(CultureInfo.InvariantCulture), "Open"),
            (Guid.Parse(await ticket.ColumnAsync("category_id")).ToString(), await ticket.ColumnAsync("thread_id"),
                await ticket.ColumnAsync("number"), await ticket.ColumnAsync("status")));
        Assert.Equal($"[\"{ticket.ThreadId}\"]".Replace("\"", "", StringComparison.Ordinal), (await ticket.ColumnAsync("former_thread_ids")).Replace("\"", "", StringComparison.Ordinal));
        var move = Assert.Single(await guild.EventsAsync("tickets.ticket-moved.v1"));
        Assert.Equal((billing.ToString(), Text(ticket.ThreadId)), (move["ToCategoryId"]!.ToString(), move["FormerThreadId"]!.ToString()));
    }

    private static string Text(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}

public sealed class SqliteWorkingTicketTests(SqliteTicketScene fixture) : WorkingTicketTests(fixture), IClassFixture<SqliteTicketScene>;

public sealed class GatewayWorkingTicketTests(SqliteGatewayTicketScene fixture) : WorkingTicketTests(fixture), IClassFixture<SqliteGatewayTicketScene>
{
    [Fact]
    public async Task A_staff_message_times_the_first_response_and_a_deleted_thread_marks_the_ticket()
    {
        var ticket = await (await (await Fixture.SceneAsync()).AddGuildAsync()).OpenTicketAsync();
        var (guild, scene) = (ticket.Guild, ticket.Scene);

        scene.State.PostUserMessage(ticket.ThreadId, guild.Member.Id, "Anyone there?");
        scene.State.PostUserMessage(ticket.ThreadId, guild.Staff.Id, "Hi! Looking into it.");
        var timed = await scene.UntilAsync(async () => await ticket.ColumnAsync("COALESCE(first_staff_response_at, '')") is { Length: > 0 } at ? at : null,
            "the first staff response recorded");
        Assert.NotEmpty(timed);
        Assert.Contains(Text(guild.Staff.Id), await ticket.ColumnAsync("staff_participant_ids"));

        scene.State.DeleteChannel(ticket.ThreadId);
        await scene.UntilAsync(async () => await ticket.ColumnAsync("status") == "DeletedInDiscord" ? "yes" : null, "the ticket marked deleted in Discord");
    }

    private static string Text(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>On MariaDB too: every action commits its state, chores, audit entry and event in one transaction.</summary>
public sealed class MariaDbWorkingTicketTests(MariaDbTicketScene fixture) : WorkingTicketTests(fixture), IClassFixture<MariaDbTicketScene>;
