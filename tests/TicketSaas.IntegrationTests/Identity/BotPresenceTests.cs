using System.Net;
using System.Text.Json.Nodes;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.IntegrationTests.Tickets;
using TicketSaas.Modules.Identity.Features.GetGuilds;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Identity;

/// <summary>Where the bot is, as the platform admins' guild list shows it: from the gateway's GUILD_CREATE/GUILD_DELETE, or polled without the gateway.</summary>
public sealed class GatewayBotPresenceTests(SqliteGatewayTicketScene fixture) : IClassFixture<SqliteGatewayTicketScene>
{
    [Fact]
    public async Task GUILD_CREATE_and_GUILD_DELETE_record_the_bot_joining_and_leaving_but_an_outage_does_not()
    {
        var scene = await fixture.SceneAsync();
        var bot = scene.Emulator.Bot.ApplicationId;
        var joined = scene.State.AddGuild("Joined later", scene.State.AddUser("host").Id);
        var outage = scene.State.AddGuild("Has an outage", scene.State.AddUser("host").Id, scene.Emulator.Bot);
        scene.Emulator.Gateway.GuildJoined(outage.Id);
        await BotPresence.WaitAsync(scene.Api, outage.Id, present: true);

        scene.State.AddMember(joined.Id, bot);
        scene.Emulator.Gateway.GuildJoined(joined.Id);
        var seen = await BotPresence.WaitAsync(scene.Api, joined.Id, present: true);
        scene.Emulator.Gateway.Dispatch("GUILD_DELETE", new JsonObject { ["id"] = outage.Id.ToString(), ["unavailable"] = true }, outage.Id);
        scene.Emulator.Gateway.GuildLeft(joined.Id);
        scene.State.RemoveMember(joined.Id, bot);
        var left = await BotPresence.WaitAsync(scene.Api, joined.Id, present: false);

        Assert.Equal("Joined later", seen.Name);
        Assert.True(left.ChangedAt >= seen.ChangedAt);
        // Dispatches are handled in order: the outage came before the leave that was awaited.
        Assert.True((await BotPresence.FindAsync(scene.Api, outage.Id))!.BotPresent);
    }
}

public sealed class PollingBotPresenceScene() : TicketSceneFixture(DatabaseKind.Sqlite, DiscordDelivery.Http,
    new Dictionary<string, string> { ["Identity:BotPresence:PollInterval"] = "00:00:00.200" });

public sealed class PollingBotPresenceTests(PollingBotPresenceScene fixture) : IClassFixture<PollingBotPresenceScene>
{
    [Fact]
    public async Task Without_the_gateway_the_bot_polls_its_guilds_and_sees_itself_join_and_leave()
    {
        var scene = await fixture.SceneAsync();
        var guild = scene.State.AddGuild("Polled", scene.State.AddUser("host").Id, scene.Emulator.Bot);

        await BotPresence.WaitAsync(scene.Api, guild.Id, present: true);
        scene.State.RemoveMember(guild.Id, scene.Emulator.Bot.ApplicationId);
        var left = await BotPresence.WaitAsync(scene.Api, guild.Id, present: false);

        Assert.Equal("Polled", left.Name);
        using var notAdmin = scene.Api.ClientFor(TestCaller.AdminOf(guild.Id));
        await (await notAdmin.GetAsync("/api/v1/admin/guilds")).ReadProblemAsync(HttpStatusCode.Forbidden);
    }
}

internal static class BotPresence
{
    public static Task<BotGuildDto> WaitAsync(ApiHost api, ulong guildId, bool present) =>
        Eventually.WaitAsync(async () => await FindAsync(api, guildId) is { } guild && guild.BotPresent == present ? guild : null,
            $"the bot to be {(present ? "present in" : "absent from")} guild {guildId}");

    /// <summary>Through the platform admins' guild list, one page from just below the guild's id.</summary>
    public static async Task<BotGuildDto?> FindAsync(ApiHost api, ulong guildId)
    {
        using var admin = api.ClientFor(TestCaller.PlatformAdministrator);
        var page = await (await admin.GetAsync($"/api/v1/admin/guilds?after={guildId - 1}&limit=1")).ReadAsync<BotGuildDto[]>(HttpStatusCode.OK);
        return page.SingleOrDefault(g => g.GuildId == guildId);
    }
}
