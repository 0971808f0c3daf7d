using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.IntegrationTests.Transcripts.Rendering;

namespace TicketSaas.IntegrationTests.Tickets.Live;

/// <summary>
/// Browsers follow a guild's tickets with the native EventSource, on an API host in its own process: the bot host
/// opens the ticket, the API host learns of it from its process-wide subscription and streams it to the guild's staff.
/// </summary>
[Collection(TranscriptBrowserCollection.Name)]
public sealed class LiveTicketUpdateTests(SqliteTicketScene fixture, TranscriptBrowser browser) : IClassFixture<SqliteTicketScene>
{
    private const ulong UnrelatedRole = 424_242_424_242_424_242;

    [Fact]
    public async Task A_browser_of_the_guild_sees_its_ticket_open_and_be_claimed_and_other_guilds_and_other_roles_see_nothing()
    {
        var scene = await fixture.SceneAsync();
        var a = await scene.AddGuildAsync();
        var b = await scene.AddGuildAsync();
        await using var api = await ChildHosts.ApiAsync(scene.Database);
        await using var staffOfA = await FollowAsync(api, a.Id, TestCaller.StaffOf(a.Id, a.StaffRole.Id, a.Staff.Id));
        await using var otherRoleOfA = await FollowAsync(api, a.Id, TestCaller.StaffOf(a.Id, UnrelatedRole, a.OtherMember.Id));
        await using var adminOfB = await FollowAsync(api, b.Id, TestCaller.AdminOf(b.Id));

        var ticket = await a.OpenTicketAsync();
        var opened = await staffOfA.UntilAsync("opened", ticket.Id);
        (await a.Admin.PostAsJsonAsync($"{a.Api}/tickets/{ticket.Id}/claim", new { })).EnsureSuccessStatusCode();
        var claimed = await staffOfA.UntilAsync("claimed", ticket.Id);

        Assert.Equal((ticket.Number, a.Member.Id.ToString(CultureInfo.InvariantCulture)), (opened["number"]!.GetValue<int>(), opened["by"]!.GetValue<string>()));
        Assert.Equal(opened["categoryId"]!.GetValue<Guid>(), claimed["categoryId"]!.GetValue<Guid>());

        // Both reached this process with the claim; a second more covers any stream that would lag behind.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(await adminOfB.EventsAsync());
        Assert.Empty(await otherRoleOfA.EventsAsync());
    }

    [Fact]
    public async Task A_browser_of_another_guild_is_refused_the_stream()
    {
        var scene = await fixture.SceneAsync();
        var a = await scene.AddGuildAsync();
        await using var api = await ChildHosts.ApiAsync(scene.Database);

        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ExtraHTTPHeaders = Headers(TestCaller.AdminOf(a.Id + 1)) });
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(api.BaseAddress, "health/live").ToString());
        var status = await page.EvaluateAsync<int>($"fetch('/api/v1/guilds/{a.Id}/tickets/live').then(r => r.status)");

        Assert.Equal(403, status);
    }

    /// <summary>A page of the API host's origin with an EventSource open on the guild's stream.</summary>
    private async Task<LivePage> FollowAsync(ChildHost api, ulong guildId, TestCaller caller)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ExtraHTTPHeaders = Headers(caller) });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(api.BaseAddress, "health/live").ToString());
        await page.EvaluateAsync(
            """
            url => new Promise((resolve, reject) => {
                window.received = [];
                const source = new EventSource(url);
                source.onmessage = e => window.received.push(JSON.parse(e.data));
                source.onopen = () => resolve();
                source.onerror = () => reject(new Error('the stream failed'));
            })
            """,
            $"/api/v1/guilds/{guildId}/tickets/live");
        return new LivePage(context, page);
    }

    private static Dictionary<string, string> Headers(TestCaller caller)
    {
        using var request = new HttpRequestMessage();
        caller.ApplyTo(request.Headers);
        return request.Headers.ToDictionary(h => h.Key, h => string.Join(',', h.Value));
    }

    private sealed class LivePage(IBrowserContext context, IPage page) : IAsyncDisposable
    {
        public async Task<JsonArray> EventsAsync() => JsonNode.Parse(await page.EvaluateAsync<string>("JSON.stringify(window.received)"))!.AsArray();

        public Task<JsonNode> UntilAsync(string kind, Guid ticketId) =>
            Eventually.WaitAsync(
                async () => (await EventsAsync()).FirstOrDefault(e => e!["kind"]!.GetValue<string>() == kind && e["ticketId"]!.GetValue<Guid>() == ticketId),
                $"the '{kind}' event in the browser");

        public ValueTask DisposeAsync() => context.DisposeAsync();
    }
}
