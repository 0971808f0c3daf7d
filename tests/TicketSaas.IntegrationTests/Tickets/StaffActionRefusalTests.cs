using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Tickets.Contracts;
using static TicketSaas.IntegrationTests.Tickets.WorkingTickets;

namespace TicketSaas.IntegrationTests.Tickets;

/// <summary>Bad input on a ticket: a clear ephemeral message (or problem details on the API), and nothing changes.</summary>
public sealed class StaffActionRefusalTests(SqliteTicketScene fixture) : IClassFixture<SqliteTicketScene>
{
    [Fact]
    public async Task A_stale_button_of_a_closed_ticket_is_refused()
    {
        var ticket = await (await (await fixture.SceneAsync()).AddGuildAsync()).OpenTicketAsync();
        var scene = ticket.Scene;
        await ticket.Guild.Admin.PostJsonAsync($"{ticket.Guild.Api}/tickets/{ticket.Id}/close", new { reason = "Done." });
        await scene.UntilAsync(() => ticket.Thread.Thread is { Locked: true } ? ticket.Thread : null, "the thread locked");
        var before = await StateAsync(ticket);

        var refusal = await scene.EphemeralAsync(await ticket.ClickAsync(ticket.Welcome, "Claim"));

        Assert.Contains("The ticket is closed.", refusal);
        Assert.Equal(before, await StateAsync(ticket));
        Assert.Empty(await ticket.Guild.EventsAsync("tickets.ticket-claimed.v1"));
    }

    [Fact]
    public async Task A_ticket_of_another_guild_is_not_found()
    {
        var scene = await fixture.SceneAsync();
        var theirs = await (await scene.AddGuildAsync()).OpenTicketAsync();
        var ours = await (await scene.AddGuildAsync()).OpenTicketAsync();
        var before = await StateAsync(theirs);

        var forged = await scene.EphemeralAsync(await scene.Emulator.Interactions.ClickButtonAsync(
            ours.ThreadId, ours.Welcome.Id, ours.Guild.Staff.Id, TicketCustomIds.Action(TicketAction.ConfirmClose, theirs.Id)));

        Assert.Contains($"Ticket '{theirs.Id}' was not found.", forged);
        Assert.Equal(before, await StateAsync(theirs));
        var viaApi = await ours.Guild.Admin.PostAsJsonAsync($"{ours.Guild.Api}/tickets/{theirs.Id}/close", new { reason = "x" });
        await viaApi.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, await StateAsync(theirs));
    }

    [Fact]
    public async Task A_member_without_the_staff_role_cannot_act()
    {
        var ticket = await (await (await fixture.SceneAsync()).AddGuildAsync()).OpenTicketAsync();
        var scene = ticket.Scene;
        var before = await StateAsync(ticket);

        var byOpener = await scene.EphemeralAsync(await ticket.ClickAsync(ticket.Welcome, "Claim", ticket.Guild.Member));
        await scene.WaitForCommandsAsync();
        var byOther = await scene.EphemeralAsync(await ticket.CommandByAsync(ticket.Guild.OtherMember, "close"));

        Assert.Contains("Only the staff of this ticket's category and the guild's admins can do this.", byOpener);
        Assert.Contains("Only the staff of this ticket's category and the guild's admins can do this.", byOther);
        Assert.Equal(before, await StateAsync(ticket));
        Assert.False(ticket.Thread.Thread!.Locked);

        // The guild's owner manages it: no staff role needed.
        var byOwner = await ticket.AnnouncementAsync(await ticket.ClickAsync(ticket.Welcome, "Claim", ticket.Guild.Owner));
        Assert.Equal($"<@{ticket.Guild.Owner.Id}> claimed this ticket.", byOwner.Content);
    }

    [Fact]
    public async Task A_german_guild_is_refused_in_german()
    {
        var ticket = await (await (await fixture.SceneAsync()).AddGuildAsync(language: "de")).OpenTicketAsync();

        var refusal = await ticket.Scene.EphemeralAsync(await ticket.ClickAsync(ticket.Welcome, "Übernehmen", ticket.Guild.OtherMember));

        Assert.Equal("Das dürfen nur das Team dieser Ticket-Kategorie und die Admins des Servers.", refusal);
    }

    [Fact]
    public async Task A_move_to_a_category_of_another_guild_is_refused()
    {
        var scene = await fixture.SceneAsync();
        var other = await scene.AddGuildAsync();
        var foreign = await other.AddCategoryAsync("Foreign");
        var ticket = await (await scene.AddGuildAsync()).OpenTicketAsync();
        var before = await StateAsync(ticket);

        var refusal = await scene.EphemeralAsync(await scene.Emulator.Interactions.SelectAsync(
            ticket.ThreadId, ticket.Welcome.Id, ticket.Guild.Staff.Id, TicketCustomIds.Action(TicketAction.Move, ticket.Id), [foreign.ToString("N")]));

        Assert.Contains($"Category '{foreign}' was not found.", refusal);
        Assert.Equal(before, await StateAsync(ticket));
        Assert.Single(ticket.Guild.Threads);
        Assert.Empty(await ticket.Guild.EventsAsync("tickets.ticket-moved.v1"));
    }

    [Fact]
    public async Task A_move_without_another_category_says_so()
    {
        var ticket = await (await (await fixture.SceneAsync()).AddGuildAsync()).OpenTicketAsync();

        var answer = await ticket.Scene.EphemeralAsync(await ticket.CommandAsync("move"));

        Assert.Equal("There is no other category to move this ticket to.", answer);
    }

    [Fact]
    public async Task Ticket_commands_outside_a_ticket_thread_say_where_they_work()
    {
        var scene = await fixture.SceneAsync();
        var guild = await scene.AddGuildAsync();
        await scene.WaitForCommandsAsync();

        var refusal = await scene.EphemeralAsync(await scene.Emulator.Interactions.InvokeCommandAsync(guild.PanelChannel.Id, guild.Staff.Id, "ticket", "claim", []));

        Assert.Equal("This works only inside a ticket's thread.", refusal);
    }

    [Fact]
    public async Task A_rename_to_nothing_is_refused_on_the_api_and_changes_nothing()
    {
        var ticket = await (await (await fixture.SceneAsync()).AddGuildAsync()).OpenTicketAsync();
        var before = await StateAsync(ticket);

        var response = await ticket.Guild.Admin.PostAsJsonAsync($"{ticket.Guild.Api}/tickets/{ticket.Id}/rename", new { name = "  " });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("A ticket needs a name.", problem.GetRawText());
        Assert.Equal(before, await StateAsync(ticket));
    }

    [Fact]
    public async Task Staff_use_the_blocklist_commands_and_the_block_is_published()
    {
        var scene = await fixture.SceneAsync();
        var guild = await scene.AddGuildAsync();
        await guild.AddCategoryAsync("General");
        await scene.WaitForCommandsAsync();
        var interactions = scene.Emulator.Interactions;
        var target = new Discord.Emulator.Interactions.CommandOptionValue("user", Discord.Emulator.Interactions.CommandOptionType.User, guild.OtherMember.Id);

        var byMember = await scene.EphemeralAsync(await interactions.InvokeCommandAsync(guild.PanelChannel.Id, guild.Member.Id, "blocklist", "add", [target]));
        Assert.Contains("Only ticket staff and the guild's admins can do this.", byMember);
        Assert.Equal(0, await scene.Database.ScalarAsync($"SELECT COUNT(*) FROM tickets_blocklist_entry WHERE guild_id = {guild.Id}"));

        var added = await scene.EphemeralAsync(await interactions.InvokeCommandAsync(guild.PanelChannel.Id, guild.Staff.Id, "blocklist", "add",
            [target, Option("reason", "Spam"), new("days", Discord.Emulator.Interactions.CommandOptionType.Integer, 7L)]));
        Assert.Equal($"<@{guild.OtherMember.Id}> is blocked from opening tickets.", added);
        var blocked = Assert.Single(await guild.EventsAsync("tickets.user-blocked.v1"));
        Assert.Equal(("user", guild.OtherMember.Id.ToString(CultureInfo.InvariantCulture), "Spam"),
            (blocked["Target"]!.GetValue<string>(), blocked["TargetId"]!.ToString(), blocked["Reason"]!.GetValue<string>()));

        var listed = await scene.EphemeralAsync(await interactions.InvokeCommandAsync(guild.PanelChannel.Id, guild.Staff.Id, "blocklist", "list", []));
        Assert.StartsWith($"• <@{guild.OtherMember.Id}> — Spam (<t:", listed);

        var removed = await scene.EphemeralAsync(await interactions.InvokeCommandAsync(guild.PanelChannel.Id, guild.Staff.Id, "blocklist", "remove", [target]));
        Assert.Equal($"<@{guild.OtherMember.Id}> may open tickets again.", removed);
        var empty = await scene.EphemeralAsync(await interactions.InvokeCommandAsync(guild.PanelChannel.Id, guild.Staff.Id, "blocklist", "list", []));
        Assert.Equal("Nobody is blocked.", empty);
        var neither = await scene.EphemeralAsync(await interactions.InvokeCommandAsync(guild.PanelChannel.Id, guild.Staff.Id, "blocklist", "remove", []));
        Assert.Equal("Name one user or one role.", neither);
    }

    /// <summary>Everything an action could change, once earlier work is done: the ticket's row and its thread in Discord.</summary>
    private static async Task<string> StateAsync(OpenTicket ticket)
    {
        var database = ticket.Scene.Database;
        await ticket.Scene.UntilAsync(async () => await database.ScalarAsync("SELECT COUNT(*) FROM tickets_ticket_chore WHERE gave_up_at IS NULL") == 0 ? "done" : null,
            "the queued Discord work done");
        var row = string.Join('|', await ticket.Scene.Database.ColumnAsync(
            $"SELECT status || ':' || COALESCE(claimed_by, '') || ':' || category_id || ':' || thread_id || ':' || close_count || ':' || thread_name FROM tickets_ticket WHERE guild_id = {ticket.Guild.Id}"));
        var thread = ticket.Thread;
        return $"{row}|{thread.Name}:{thread.Thread!.Archived}:{thread.Thread.Locked}:{ticket.Scene.State.Messages(thread.Id).Count(m => m.VisibleOnlyTo is null)}";
    }
}
