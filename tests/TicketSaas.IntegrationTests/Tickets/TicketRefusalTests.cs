using System.Globalization;
using TicketSaas.Discord.Emulator.Interactions;
using TicketSaas.Discord.Emulator.State;
using TicketSaas.IntegrationTests.Support;
using static TicketSaas.IntegrationTests.Tickets.OpeningTickets;

namespace TicketSaas.IntegrationTests.Tickets;

/// <summary>Every refusal is an ephemeral message with the exact reason, and leaves no ticket and no thread behind.</summary>
public sealed class TicketRefusalTests(SqliteTicketScene fixture) : IClassFixture<SqliteTicketScene>
{
    [Fact]
    public async Task A_member_at_the_open_ticket_limit_is_refused()
    {
        var (guild, panel, category) = await GuildWithPanelAsync(limit: 1);
        await guild.DeferredReplyAsync(await guild.ClickAsync(panel, ButtonFor(panel, category)));

        var refused = await guild.ClickAsync(panel, ButtonFor(panel, category));

        Assert.Equal("You already have 1 open ticket(s) in this category. Close one before opening another.", EphemeralText(refused));
        await AssertTicketsAsync(guild, 1);
    }

    [Fact]
    public async Task A_member_within_the_cooldown_is_told_when_they_may_open_the_next()
    {
        var (guild, panel, category) = await GuildWithPanelAsync(limit: 5, cooldownSeconds: 3600);
        await guild.DeferredReplyAsync(await guild.ClickAsync(panel, ButtonFor(panel, category)));
        var createdAt = await CreatedAtAsync(guild);

        var refused = await guild.ClickAsync(panel, ButtonFor(panel, category));

        Assert.Equal($"You opened a ticket in this category a moment ago. You can open another <t:{createdAt.AddHours(1).ToUnixTimeSeconds()}:R>.", EphemeralText(refused));
        await AssertTicketsAsync(guild, 1);
    }

    [Fact]
    public async Task A_blocked_user_is_refused_until_the_block_expires()
    {
        var (guild, panel, category) = await GuildWithPanelAsync();
        var expiresAt = DateTimeOffset.UtcNow.AddSeconds(3);
        await guild.Admin.PostJsonAsync($"{guild.Api}/blocklist", new { target = "user", targetId = Text(guild.Member.Id), reason = "Spam", expiresAt });

        var refused = await guild.ClickAsync(panel, ButtonFor(panel, category));
        Assert.Equal($"You are blocked from opening tickets on this server.\nReason: Spam\nThe block ends <t:{expiresAt.ToUnixTimeSeconds()}:R>.", EphemeralText(refused));
        await AssertTicketsAsync(guild, 0);

        await Task.Delay(expiresAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200));
        var reply = await guild.DeferredReplyAsync(await guild.ClickAsync(panel, ButtonFor(panel, category)));
        Assert.StartsWith("Your ticket is open", reply, StringComparison.Ordinal);
        await AssertTicketsAsync(guild, 1);
    }

    [Fact]
    public async Task A_member_holding_a_blocked_role_is_refused()
    {
        var (guild, panel, category) = await GuildWithPanelAsync();
        var muted = guild.Scene.State.AddRole(guild.Id, "Muted");
        guild.Scene.State.SetMemberRoles(guild.Id, guild.Member.Id, muted.Id);
        await guild.Admin.PostJsonAsync($"{guild.Api}/blocklist", new { target = "role", targetId = Text(muted.Id) });

        var refused = await guild.ClickAsync(panel, ButtonFor(panel, category));

        Assert.Equal("One of your roles is blocked from opening tickets on this server.", EphemeralText(refused));
        await AssertTicketsAsync(guild, 0);
    }

    [Fact]
    public async Task In_dev_mode_listed_developers_bypass_limit_and_cooldown_and_nobody_else_does()
    {
        var (guild, panel, category) = await GuildWithPanelAsync(limit: 1, cooldownSeconds: 3600);
        await guild.Admin.PutJsonAsync($"{guild.Api}/settings", new { language = "en", devMode = true, developerUserIds = new[] { Text(guild.Member.Id) } });

        for (var i = 0; i < 3; i++)
        {
            Assert.StartsWith("Your ticket is open", await guild.DeferredReplyAsync(await guild.ClickAsync(panel, ButtonFor(panel, category))), StringComparison.Ordinal);
        }

        await guild.DeferredReplyAsync(await guild.ClickAsync(panel, ButtonFor(panel, category), guild.OtherMember));
        var refused = await guild.ClickAsync(panel, ButtonFor(panel, category), guild.OtherMember);

        Assert.Equal("You already have 1 open ticket(s) in this category. Close one before opening another.", EphemeralText(refused));
        await AssertTicketsAsync(guild, 4);
    }

    [Fact]
    public async Task Unknown_and_forged_custom_ids_and_another_guilds_panel_are_refused()
    {
        var (guild, panel, category) = await GuildWithPanelAsync();
        var (_, foreignPanel, foreignCategory) = await GuildWithPanelAsync();

        var unknown = await guild.ClickAsync(panel, "not-ours");
        var badVersion = await guild.ClickAsync(panel, ButtonFor(panel, category).Replace("t1:", "t9:", StringComparison.Ordinal));
        var forged = await guild.ClickAsync(panel, $"t1:open:{Guid.NewGuid():N}:{category:N}");
        var foreign = await guild.ClickAsync(panel, ButtonFor(foreignPanel, foreignCategory));
        var wrongCategory = await guild.ClickAsync(panel, ButtonFor(panel, category)[..^32] + foreignCategory.ToString("N"));
        var forgedForm = await guild.SubmitAsync($"t1:form:{Guid.NewGuid():N}:{category:N}:123456789", [new ModalField("q0", "x")]);

        Assert.Equal("This button or menu is not one I know. It may belong to an older message; ask an admin to publish the panel again.", EphemeralText(unknown));
        Assert.Equal(EphemeralText(unknown), EphemeralText(badVersion));
        Assert.Equal("This panel is no longer available. Ask an admin to publish it again.", EphemeralText(forged));
        Assert.Equal(EphemeralText(forged), EphemeralText(foreign));
        Assert.Equal(EphemeralText(forged), EphemeralText(forgedForm));
        Assert.Equal("This category is not offered on this panel any more.", EphemeralText(wrongCategory));
        await AssertTicketsAsync(guild, 0);
    }

    [Fact]
    public async Task A_form_submitted_twice_opens_one_ticket()
    {
        var (guild, panel, category) = await GuildWithPanelAsync(limit: 5, questions: TwoQuestions);
        var formId = await guild.OpenFormAsync(panel, category);
        ModalField[] answers = [new("q0", "A-1"), new("q1", "Twice")];
        await guild.DeferredReplyAsync(await guild.SubmitAsync(formId, answers));

        var again = await guild.SubmitAsync(formId, answers);

        Assert.Equal("This form was already submitted: your ticket is open or on its way.", EphemeralText(again));
        await AssertTicketsAsync(guild, 1);
    }

    [Fact]
    public async Task A_form_answer_beyond_the_questions_limits_is_refused_with_each_problem()
    {
        var (guild, panel, category) = await GuildWithPanelAsync(questions: TwoQuestions);
        var formId = await guild.OpenFormAsync(panel, category);

        var refused = await guild.SubmitAsync(formId, [new ModalField("q0", new string('9', 21)), new ModalField("q1", " ")]);

        Assert.Equal("“Order number” allows at most 20 characters.\n“What happened?” needs an answer.", EphemeralText(refused));
        await AssertTicketsAsync(guild, 0);
    }

    [Fact]
    public async Task When_the_bot_lost_a_permission_the_member_is_told_which_and_nothing_is_left_behind()
    {
        var (guild, panel, category) = await GuildWithPanelAsync();
        guild.Scene.State.SetPermissionOverwrite(guild.TicketsChannel.Id, guild.Scene.Emulator.Bot.ApplicationId, OverwriteType.Member,
            allow: 0, deny: Permissions.CreatePrivateThreads);

        var reply = await guild.DeferredReplyAsync(await guild.ClickAsync(panel, ButtonFor(panel, category)));

        Assert.Equal($"Your ticket could not be opened: the bot lacks permissions in {Mention(guild.TicketsChannel.Id)} (Create Private Threads). Please tell a server admin.", reply);
        await AssertTicketsAsync(guild, 0);
    }

    private async Task<(SceneGuild Guild, DiscordMessage Panel, Guid Category)> GuildWithPanelAsync(
        int limit = 1, int cooldownSeconds = 0, object[]? questions = null)
    {
        var scene = await fixture.SceneAsync();
        var guild = await scene.AddGuildAsync();
        var category = await guild.AddCategoryAsync("Support", "support-{number}", questions, openTicketLimit: limit, cooldownSeconds: cooldownSeconds);
        var (_, panel) = await guild.PublishPanelAsync("buttons", category);
        return (guild, panel, category);
    }

    private static async Task AssertTicketsAsync(SceneGuild guild, int expected)
    {
        Assert.Equal(expected, await guild.TicketCountAsync());
        Assert.Equal(expected, guild.Threads.Count);
    }

    private static async Task<DateTimeOffset> CreatedAtAsync(SceneGuild guild) =>
        new(await guild.Scene.Database.ScalarAsync($"SELECT created_at FROM tickets_ticket WHERE guild_id = {guild.Id}"), TimeSpan.Zero);

    private static string Text(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
