using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using TicketSaas.Discord.Emulator.State;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Identity;
using TicketSaas.Modules.Identity.Features.GetMe;
using TicketSaas.Modules.Identity.Features.GetMyGuilds;
using TicketSaas.Modules.Identity.Features.GetUsers;
using TicketSaas.Modules.Tickets.Infrastructure.Discord;
using TicketSaas.Modules.Tickets.Ports;
using Permissions = TicketSaas.Discord.Emulator.State.Permissions;

namespace TicketSaas.IntegrationTests.Identity;

/// <summary>Discord login (ADR 0013) against the emulator's OAuth2: sessions, refusals, refresh, logout, antiforgery, the guild picker.</summary>
public sealed class LoginTests(LoginScene scene) : IClassFixture<LoginScene>
{
    private EmulatorState State => scene.State;

    [Fact]
    public async Task A_login_through_Discord_ends_with_a_cookie_session_that_reaches_a_guild_admin_endpoint()
    {
        var owner = State.AddUser("owner");
        var guild = State.AddGuild("Owned", owner.Id, scene.Emulator.Bot);
        var elsewhere = State.AddGuild("Someone else's", State.AddUser("stranger").Id, scene.Emulator.Bot);
        State.AddMember(elsewhere.Id, owner.Id);
        await scene.BotJoinedAsync(guild);

        var attempt = await scene.Api.StartLoginAsync();
        var authorize = QueryHelpers.ParseQuery(attempt.AuthorizeUrl.Query);
        var loginCookie = Assert.Single(attempt.Cookies);
        using var session = await scene.Api.LoginAsAsync(scene.Emulator, owner.Id);

        Assert.StartsWith(scene.Emulator.AuthorizeUri.ToString(), attempt.AuthorizeUrl.ToString(), StringComparison.Ordinal);
        Assert.Equal(("code", "S256", DiscordLogin.CallbackUri), (authorize["response_type"].ToString(), authorize["code_challenge_method"].ToString(),
            authorize["redirect_uri"].ToString()));
        Assert.Equal(43, authorize["code_challenge"].ToString().Length);
        Assert.True(loginCookie is { HttpOnly: true, Secure: true, SameSite: SameSiteMode.Lax } && loginCookie.Path == "/api/v1/auth/callback");
        var cookie = session.Cookie(IdentityModule.SessionCookie);
        Assert.True(cookie is { HttpOnly: true, Secure: true, SameSite: SameSiteMode.Strict } && cookie.Path == "/api", cookie.ToString());
        Assert.False(session.Cookie("__Secure-ticketsaas-csrf").HttpOnly);

        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync($"/api/v1/guilds/{guild.Id}/audit-log")).StatusCode);
        await (await session.Client.GetAsync($"/api/v1/guilds/{elsewhere.Id}/audit-log")).ReadProblemAsync(HttpStatusCode.Forbidden);
        var me = await (await session.Client.GetAsync("/api/v1/me")).ReadAsync<MeDto>(HttpStatusCode.OK);
        Assert.Equal((owner.Id, "owner", false), (me.UserId, me.Username, me.IsPlatformAdmin));
        using var anonymous = scene.Api.RawClient();
        await (await anonymous.GetAsync($"/api/v1/guilds/{guild.Id}/audit-log")).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_state_is_refused_and_nothing_is_stored()
    {
        var user = State.AddUser("wrong-state");
        var attempt = await scene.Api.StartLoginAsync();
        var callback = await attempt.AuthorizeAsync(scene.Emulator, user.Id);
        var forged = new Uri(QueryHelpers.AddQueryString(DiscordLogin.CallbackUri, new Dictionary<string, string?>
        {
            ["code"] = QueryHelpers.ParseQuery(callback.Query)["code"].ToString(),
            ["state"] = "not-the-state-this-browser-started-with",
        }));
        var before = await scene.LoginRowsAsync();

        var problem = await (await attempt.CompleteAsync(forged)).ReadProblemAsync(HttpStatusCode.BadRequest);
        var anotherBrowsersState = await (await (await scene.Api.StartLoginAsync()).CompleteAsync(callback)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("state", out _), problem.ToString());
        Assert.True(anotherBrowsersState.GetProperty("errors").TryGetProperty("state", out _), anotherBrowsersState.ToString());
        Assert.Equal(before, await scene.LoginRowsAsync());
    }

    [Fact]
    public async Task A_replayed_code_is_refused_and_stores_nothing_more()
    {
        var user = State.AddUser("replayer");
        var attempt = await scene.Api.StartLoginAsync();
        var callback = await attempt.AuthorizeAsync(scene.Emulator, user.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await attempt.CompleteAsync(callback)).StatusCode);
        var before = await scene.LoginRowsAsync();

        var problem = await (await attempt.CompleteAsync(callback)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("code", out _), problem.ToString());
        Assert.Equal(before, await scene.LoginRowsAsync());
    }

    [Fact]
    public async Task Denied_consent_is_refused_and_nothing_is_stored()
    {
        var attempt = await scene.Api.StartLoginAsync();
        var callback = await attempt.AuthorizeAsync(scene.Emulator, userId: null);
        var before = await scene.LoginRowsAsync();

        var response = await attempt.CompleteAsync(callback);
        var problem = await response.ReadProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("access_denied", QueryHelpers.ParseQuery(callback.Query)["error"].ToString());
        Assert.Equal("identity.login-denied", problem.GetProperty("code").GetString());
        Assert.False(response.Headers.Contains(HeaderNames.SetCookie));
        Assert.Equal(before, await scene.LoginRowsAsync());
    }

    [Fact]
    public async Task A_callback_without_the_login_cookie_or_without_a_code_is_refused_and_nothing_is_stored()
    {
        var user = State.AddUser("cookieless");
        var attempt = await scene.Api.StartLoginAsync();
        var callback = await attempt.AuthorizeAsync(scene.Emulator, user.Id);
        var withoutCode = new Uri(QueryHelpers.AddQueryString(DiscordLogin.CallbackUri, "state", attempt.State));
        var before = await scene.LoginRowsAsync();

        var noCookie = await (await (attempt with { Cookies = [] }).CompleteAsync(callback)).ReadProblemAsync(HttpStatusCode.BadRequest);
        var noCode = await (await attempt.CompleteAsync(withoutCode)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(noCookie.GetProperty("errors").TryGetProperty("ProtectedState", out _), noCookie.ToString());
        Assert.True(noCode.GetProperty("errors").TryGetProperty("code", out _), noCode.ToString());
        Assert.Equal(before, await scene.LoginRowsAsync());
    }

    [Fact]
    public async Task Only_a_browser_session_logs_out_and_only_a_Discord_login_has_a_profile()
    {
        var caller = TestCaller.AdminOf(GuildIds.Next());
        using var developer = scene.Api.RawClient();
        caller.ApplyTo(developer.DefaultRequestHeaders);

        await (await developer.PostAsync("/api/v1/auth/logout", null)).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await developer.GetAsync("/api/v1/me")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_user_who_loses_MANAGE_GUILD_in_Discord_loses_admin_access_at_the_next_refresh()
    {
        var guild = State.AddGuild("Managed", State.AddUser("founder").Id, scene.Emulator.Bot);
        var managers = State.AddRole(guild.Id, "Managers", Permissions.ManageGuild);
        var moderator = State.AddUser("moderator");
        State.AddMember(guild.Id, moderator.Id, managers.Id);
        await scene.BotJoinedAsync(guild);
        using var session = await scene.Api.LoginAsAsync(scene.Emulator, moderator.Id);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync($"/api/v1/guilds/{guild.Id}/audit-log")).StatusCode);

        State.SetMemberRoles(guild.Id, moderator.Id);

        await Eventually.WaitAsync(async () =>
            (await session.Client.GetAsync($"/api/v1/guilds/{guild.Id}/audit-log")).StatusCode == HttpStatusCode.Forbidden ? "refused" : null,
            "the refresh to take away the moderator's admin access");
        var picker = await (await session.Client.GetAsync("/api/v1/me/guilds")).ReadAsync<GuildChoiceDto[]>(HttpStatusCode.OK);
        Assert.DoesNotContain(picker, g => g.GuildId == guild.Id);
    }

    [Fact]
    public async Task Logout_revokes_the_session_and_needs_the_antiforgery_token()
    {
        var user = State.AddUser("leaver");
        using var session = await scene.Api.LoginAsAsync(scene.Emulator, user.Id);
        using var forged = session.WithoutAntiforgery(scene.Api);

        var refused = await (await forged.PostAsync("/api/v1/auth/logout", null)).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("identity.antiforgery", refused.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/api/v1/me")).StatusCode);

        var loggedOut = await session.Client.PostAsync("/api/v1/auth/logout", null);

        Assert.Equal(HttpStatusCode.NoContent, loggedOut.StatusCode);
        Assert.Contains(DiscordLogin.Cookies(loggedOut), c => c.Name == IdentityModule.SessionCookie && c.Expires < DateTimeOffset.UtcNow);
        await (await session.Client.GetAsync("/api/v1/me")).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unsafe_request_of_a_cookie_session_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var owner = State.AddUser("settings-owner");
        var guild = State.AddGuild("Settings", owner.Id, scene.Emulator.Bot);
        await scene.BotJoinedAsync(guild);
        using var session = await scene.Api.LoginAsAsync(scene.Emulator, owner.Id);
        using var forged = session.WithoutAntiforgery(scene.Api);
        var settings = new { language = "de", devMode = false, developerUserIds = Array.Empty<string>() };

        var refused = await (await forged.PutAsJsonAsync($"/api/v1/guilds/{guild.Id}/settings", settings, Json.Options))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        var unchanged = await session.Client.GetStringAsync($"/api/v1/guilds/{guild.Id}/settings");
        forged.DefaultRequestHeaders.Add(IdentityModule.AntiforgeryHeader, "a-token-of-the-attacker's-own");
        var wrongToken = await forged.PutAsJsonAsync($"/api/v1/guilds/{guild.Id}/settings", settings, Json.Options);
        await session.Client.PutJsonAsync($"/api/v1/guilds/{guild.Id}/settings", settings);

        Assert.Equal("identity.antiforgery", refused.GetProperty("code").GetString());
        Assert.Contains("\"en\"", unchanged, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, wrongToken.StatusCode);
        Assert.Contains("\"de\"", await session.Client.GetStringAsync($"/api/v1/guilds/{guild.Id}/settings"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_guild_picker_lists_guilds_with_the_bot_where_the_user_manages_or_holds_a_role_and_offers_the_bot_elsewhere()
    {
        var user = State.AddUser("picker");
        var stranger = State.AddUser("picker-stranger");
        var owned = State.AddGuild("A owned", user.Id, scene.Emulator.Bot);
        var staffed = State.AddGuild("B staffed", stranger.Id, scene.Emulator.Bot);
        State.AddMember(staffed.Id, user.Id, State.AddRole(staffed.Id, "Support").Id);
        var memberOnly = State.AddGuild("C member only", stranger.Id, scene.Emulator.Bot);
        State.AddMember(memberOnly.Id, user.Id);
        var withoutBot = State.AddGuild("D without the bot", stranger.Id);
        State.AddMember(withoutBot.Id, user.Id, State.AddRole(withoutBot.Id, "Admins", Permissions.Administrator).Id);
        foreach (var guild in new[] { owned, staffed, memberOnly })
        {
            await scene.BotJoinedAsync(guild);
        }

        using var session = await scene.Api.LoginAsAsync(scene.Emulator, user.Id);
        var picker = await (await session.Client.GetAsync("/api/v1/me/guilds")).ReadAsync<GuildChoiceDto[]>(HttpStatusCode.OK);

        Assert.Equal(
            [(owned.Id, true, true, false), (staffed.Id, false, true, false), (withoutBot.Id, true, false, true)],
            picker.Select(g => (g.GuildId, g.Manages, g.BotPresent, g.AddBotUrl is not null)));
        var link = picker[2].AddBotUrl!;
        var query = QueryHelpers.ParseQuery(link.Query);
        const ulong needed = Permissions.ViewChannel | Permissions.SendMessages | Permissions.EmbedLinks | Permissions.AttachFiles
            | Permissions.ReadMessageHistory | Permissions.MentionEveryone | Permissions.ManageThreads | Permissions.CreatePrivateThreads
            | Permissions.SendMessagesInThreads;
        Assert.StartsWith(scene.Emulator.AuthorizeUri.ToString(), link.ToString(), StringComparison.Ordinal);
        Assert.Equal(needed.ToString(CultureInfo.InvariantCulture), query["permissions"].ToString());
        var checkedByTickets = Enum.GetValues<ChannelUse>().Aggregate(0UL, (all, use) => all | (ulong)DiscordBotPermissions.Required(use));
        Assert.Equal(needed, checkedByTickets);
        Assert.Equal((scene.Emulator.Bot.ApplicationId.ToString(CultureInfo.InvariantCulture), withoutBot.Id.ToString(CultureInfo.InvariantCulture), "bot applications.commands"),
            (query["client_id"].ToString(), query["guild_id"].ToString(), query["scope"].ToString()));
    }

    [Fact]
    public async Task Platform_admins_come_from_configuration_and_see_who_logged_in()
    {
        var user = State.AddUser("listed");
        using var plain = await scene.Api.LoginAsAsync(scene.Emulator, user.Id);
        using var admin = await scene.Api.LoginAsAsync(scene.Emulator, scene.ConfiguredAdmin.Id);

        var users = await (await admin.Client.GetAsync("/api/v1/admin/users?limit=200")).ReadAsync<UserDto[]>(HttpStatusCode.OK);
        var firstPage = await (await admin.Client.GetAsync("/api/v1/admin/users?limit=1")).ReadAsync<UserDto[]>(HttpStatusCode.OK);
        var nextPage = await (await admin.Client.GetAsync($"/api/v1/admin/users?limit=1&after={firstPage[0].UserId}")).ReadAsync<UserDto[]>(HttpStatusCode.OK);
        var me = await (await admin.Client.GetAsync("/api/v1/me")).ReadAsync<MeDto>(HttpStatusCode.OK);

        Assert.True(me.IsPlatformAdmin);
        Assert.Contains(users, u => u.UserId == user.Id && u.Username == "listed" && u.LiveSessions >= 1);
        Assert.Equal(users.Select(u => u.UserId).Order(), users.Select(u => u.UserId));
        Assert.Equal(users[1].UserId, Assert.Single(nextPage).UserId);
        await (await plain.Client.GetAsync("/api/v1/admin/users")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.Client.GetAsync("/api/v1/admin/users?limit=0")).ReadProblemAsync(HttpStatusCode.BadRequest);
    }
}
