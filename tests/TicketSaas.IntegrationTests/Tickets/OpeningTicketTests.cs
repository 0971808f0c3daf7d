using System.Globalization;
using TicketSaas.Discord.Emulator.Interactions;
using TicketSaas.Discord.Emulator.State;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Testing;
using static TicketSaas.IntegrationTests.Tickets.OpeningTickets;

namespace TicketSaas.IntegrationTests.Tickets;

/// <summary>A member opens a ticket from a panel, end to end: panel, modal, thread, welcome, ticket row, event.</summary>
public abstract class OpeningTicketTests(TicketSceneFixture fixture)
{
    protected TicketSceneFixture Fixture => fixture;

    [SkippableTheory]
    [InlineData("buttons")]
    [InlineData("dropdown")]
    public async Task A_submitted_form_opens_a_private_thread_with_the_opener_the_staff_and_the_answers(string style)
    {
        var scene = await fixture.SceneAsync();
        var guild = await scene.AddGuildAsync();
        var billing = await guild.AddCategoryAsync("Billing", "{category}-{number:0000}-{username}", TwoQuestions);
        var other = await guild.AddCategoryAsync("Other");
        var (_, panel) = await guild.PublishPanelAsync(style, billing, other);

        var formId = await guild.OpenFormAsync(panel, billing);
        var submitted = await guild.SubmitAsync(formId, [new ModalField("q0", "A-1001"), new ModalField("q1", "The invoice is wrong.")]);
        var reply = await guild.DeferredReplyAsync(submitted);

        var thread = Assert.Single(guild.Threads);
        Assert.Equal(("Billing-0001-alice", ChannelType.PrivateThread, false, 10080),
            (thread.Name, thread.Type, thread.Thread!.Invitable, thread.Thread.AutoArchiveDuration));
        Assert.Equal($"Your ticket is open: {Mention(thread.Id)}", reply);
        Assert.Superset(new HashSet<ulong> { guild.Member.Id, guild.Staff.Id, scene.Emulator.Bot.ApplicationId }, scene.State.ThreadMembers(thread.Id).ToHashSet());
        Assert.DoesNotContain(guild.OtherMember.Id, scene.State.ThreadMembers(thread.Id));

        var welcome = scene.State.Messages(thread.Id);
        var first = welcome[0];
        Assert.Equal($"Welcome <@{guild.Member.Id}>! <@&{guild.StaffRole.Id}> will be with you shortly.", first.Content);
        Assert.Equal("Ticket #1 · Billing", first.Embeds[0]!["title"]!.GetValue<string>());
        Assert.Equal(["Claim", "Close", "Close with reason"], first.Components[0]!["components"]!.AsArray().Select(b => b!["label"]!.GetValue<string>()));
        var answers = welcome.SelectMany(m => m.Embeds).Skip(1).Select(e => (e!["title"]!.GetValue<string>(), e["description"]!.GetValue<string>()));
        Assert.Equal([("Order number", "A-1001"), ("What happened?", "The invoice is wrong.")], answers);

        Assert.Equal("Open", await scene.Database.ScalarTextAsync($"SELECT status FROM tickets_ticket WHERE guild_id = {guild.Id}"));
        Assert.Equal(thread.Id, (ulong)await scene.Database.ScalarAsync($"SELECT thread_id FROM tickets_ticket WHERE guild_id = {guild.Id}"));
        var opened = Assert.Single(await guild.OpenedEventsAsync());
        Assert.Equal((thread.Id.ToString(CultureInfo.InvariantCulture), 1, guild.Member.Id.ToString(CultureInfo.InvariantCulture)),
            (opened["ThreadId"]!.ToString(), opened["Number"]!.GetValue<int>(), opened["OpenerId"]!.ToString()));
        Assert.Equal("The invoice is wrong.", opened["Answers"]![1]!["Answer"]!.GetValue<string>());
    }
}

public sealed class SqliteOpeningTicketTests(SqliteTicketScene fixture) : OpeningTicketTests(fixture), IClassFixture<SqliteTicketScene>
{
    [Fact]
    public async Task A_category_without_a_form_opens_straight_from_the_click()
    {
        var scene = await Fixture.SceneAsync();
        var guild = await scene.AddGuildAsync();
        var general = await guild.AddCategoryAsync("General", "help-{number}");
        var (_, panel) = await guild.PublishPanelAsync("buttons", general);

        var reply = await guild.DeferredReplyAsync(await guild.ClickAsync(panel, ButtonFor(panel, general)));

        var thread = Assert.Single(guild.Threads);
        Assert.Equal(("help-1", $"Your ticket is open: {Mention(thread.Id)}"), (thread.Name, reply));
        Assert.Equal($"Welcome <@{guild.Member.Id}>! <@&{guild.StaffRole.Id}> will be with you shortly.", scene.State.Messages(thread.Id)[0].Content);
    }

    [Fact]
    public async Task A_german_guild_gets_every_text_in_german()
    {
        var scene = await Fixture.SceneAsync();
        var guild = await scene.AddGuildAsync(language: "de");
        var billing = await guild.AddCategoryAsync("Rechnungen", questions: TwoQuestions);
        var (_, panel) = await guild.PublishPanelAsync("dropdown", billing);
        Assert.Equal("Kategorie wählen", panel.Components[0]!["components"]![0]!["placeholder"]!.GetValue<string>());

        var formId = await guild.OpenFormAsync(panel, billing);
        var reply = await guild.DeferredReplyAsync(await guild.SubmitAsync(formId, [new ModalField("q0", "R-7"), new ModalField("q1", "Doppelt abgebucht.")]));
        var again = await guild.ChooseAsync(panel, billing);

        var thread = Assert.Single(guild.Threads);
        Assert.Equal($"Dein Ticket ist offen: {Mention(thread.Id)}", reply);
        var welcome = scene.State.Messages(thread.Id)[0];
        Assert.Equal($"Willkommen <@{guild.Member.Id}>! <@&{guild.StaffRole.Id}> ist gleich für dich da.", welcome.Content);
        Assert.Equal(["Übernehmen", "Schließen", "Mit Grund schließen"], welcome.Components[0]!["components"]!.AsArray().Select(b => b!["label"]!.GetValue<string>()));
        Assert.Equal("Du hast in dieser Kategorie bereits 1 offene(s) Ticket(s). Schließe eines, bevor du ein weiteres eröffnest.", EphemeralText(again));
    }

    [Fact]
    public async Task Five_answers_of_4000_characters_post_within_discords_limits()
    {
        var scene = await Fixture.SceneAsync();
        var guild = await scene.AddGuildAsync();
        var questions = Enumerable.Range(1, 5)
            .Select(i => (object)new { label = $"Question {i}", style = "paragraph", required = true, options = Array.Empty<object>() })
            .ToArray();
        var essay = await guild.AddCategoryAsync("Essay", questions: questions);
        var (_, panel) = await guild.PublishPanelAsync("buttons", essay);
        var answers = Enumerable.Range(1, 5).Select(i => new string((char)('a' + i), 4000)).ToList();

        var formId = await guild.OpenFormAsync(panel, essay);
        var reply = await guild.DeferredReplyAsync(await guild.SubmitAsync(formId, [.. answers.Select((a, i) => new ModalField($"q{i}", a))]));

        var thread = Assert.Single(guild.Threads);
        Assert.StartsWith("Your ticket is open", reply, StringComparison.Ordinal);
        Assert.Equal(answers, scene.State.Messages(thread.Id).SelectMany(m => m.Embeds).Skip(1).Select(e => e!["description"]!.GetValue<string>()));
        Assert.DoesNotContain(scene.Emulator.Requests.All, r => r.Status == 400 && r.Path.Contains(thread.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Renaming_a_category_through_the_api_names_the_next_thread_without_a_restart()
    {
        var scene = await Fixture.SceneAsync();
        var guild = await scene.AddGuildAsync();
        var support = await guild.AddCategoryAsync("Support", "support-{number}", openTicketLimit: 5);
        var (_, panel) = await guild.PublishPanelAsync("buttons", support);
        await guild.DeferredReplyAsync(await guild.ClickAsync(panel, ButtonFor(panel, support)));

        await guild.UpdateCategoryAsync(support, "Support", "{username}-case-{number:000}", openTicketLimit: 5);
        await scene.Api.SettleAsync();

        // The bot hears of the change from the outbox, which it polls every 100 ms here; without it, its cached copy
        // would name threads the old way for minutes.
        await Task.Delay(TimeSpan.FromSeconds(1));
        await guild.DeferredReplyAsync(await guild.ClickAsync(panel, ButtonFor(panel, support)));

        Assert.Equal(["support-1", "alice-case-002"], guild.Threads.Select(t => t.Name));
    }
}

public sealed class MariaDbOpeningTicketTests(MariaDbTicketScene fixture) : OpeningTicketTests(fixture), IClassFixture<MariaDbTicketScene>;
