using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Plugins;

/// <summary>
/// The webhooks plugin, built from its own project and dropped into a plugins folder, loaded by the real API host:
/// its endpoints, its table, its consumer of a Tickets event and its sender, on both databases.
/// </summary>
public sealed class WebhookPluginTests
{
    private const string CategoryCreated = "tickets.category-created.v1";

    [SkippableTheory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.MariaDb)]
    public async Task A_ticket_event_reaches_each_subscribed_endpoint_signed_and_a_failing_one_on_its_third_try(DatabaseKind kind)
    {
        await using var api = await StartAsync(kind, allowPrivateTargets: true);
        await using var steady = await WebhookReceiver.StartAsync();
        await using var flaky = await WebhookReceiver.StartAsync(failures: 2);
        var guild = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));
        const string steadySecret = "steady-secret-0123456789";
        const string flakySecret = "flaky-secret-0123456789";

        var created = await (await client.PostAsJsonAsync($"/api/v1/guilds/{guild}/webhooks",
            new { url = steady.Url, secret = steadySecret, events = new[] { CategoryCreated } })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/api/v1/guilds/{guild}/webhooks",
            new { url = flaky.Url, secret = flakySecret, events = new[] { CategoryCreated } })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/api/v1/guilds/{guild}/categories",
            new { name = "Support", namingScheme = "support-{number}" })).ReadAsync<JsonElement>(HttpStatusCode.Created);

        await steady.UntilReceivedAsync(1);
        await flaky.UntilReceivedAsync(3);
        await Task.Delay(500);
        var delivery = Assert.Single(steady.Received);
        Assert.True(delivery.IsSignedWith(steadySecret));
        Assert.False(delivery.IsSignedWith(flakySecret));
        Assert.False(created.TryGetProperty("secret", out _));
        using var body = JsonDocument.Parse(delivery.Body);
        Assert.Equal(CategoryCreated, body.RootElement.GetProperty("event").GetString());
        Assert.Equal(guild.ToString(System.Globalization.CultureInfo.InvariantCulture), body.RootElement.GetProperty("guildId").GetString());
        Assert.Equal("Support", body.RootElement.GetProperty("data").GetProperty("name").GetString());
        Assert.Equal(3, flaky.Received.Count);
        Assert.All(flaky.Received, received => Assert.True(received.IsSignedWith(flakySecret)));

        var deliveries = await (await client.GetAsync($"/api/v1/guilds/{guild}/webhooks/deliveries")).ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal(
            [("delivered", 1), ("delivered", 3)],
            deliveries.EnumerateArray().Select(d => (d.GetProperty("status").GetString(), d.GetProperty("attempts").GetInt32())).Order().ToList());
    }

    [SkippableTheory]
    [InlineData("http://127.0.0.1:8080/hook", "loopback")]
    [InlineData("http://10.1.2.3/hook", "private")]
    [InlineData("https://[::1]/hook", "loopback")]
    public async Task An_endpoint_on_the_platform_network_is_refused_unless_allowed(string url, string word)
    {
        await using var api = await StartAsync(DatabaseKind.Sqlite, allowPrivateTargets: false);
        var guild = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));

        var refused = await client.PostAsJsonAsync($"/api/v1/guilds/{guild}/webhooks",
            new { url, secret = "a-long-enough-secret", events = new[] { CategoryCreated } });

        var problem = await refused.ReadProblemAsync(HttpStatusCode.BadRequest);
        var error = Assert.Single(problem.GetProperty("errors").GetProperty("Url").EnumerateArray()).GetString();
        Assert.Contains(word, error, StringComparison.Ordinal);
        Assert.Contains("public addresses", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_events_and_short_secrets_are_refused_and_the_plugin_is_in_the_OpenAPI_document()
    {
        await using var api = await StartAsync(DatabaseKind.Sqlite, allowPrivateTargets: false);
        var guild = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));

        var refused = await client.PostAsJsonAsync($"/api/v1/guilds/{guild}/webhooks",
            new { url = "https://example.com/hook", secret = "short", events = new[] { "tickets.nothing.v1" } });
        var document = await client.GetStringAsync("/openapi/v1.json");

        var errors = (await refused.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("Secret", out _));
        Assert.True(errors.TryGetProperty("Events[0]", out _));
        Assert.Contains("\"/api/v1/guilds/{guildId}/webhooks\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/v1/guilds/{guildId}/webhooks/deliveries\"", document, StringComparison.Ordinal);
    }

    private static async Task<ApiHost> StartAsync(DatabaseKind kind, bool allowPrivateTargets) =>
        await ApiHost.StartAsync(kind, new Dictionary<string, string>
        {
            ["Plugins:Path"] = await PluginBuilds.WebhooksAsync(),
            ["Webhooks:AllowPrivateTargets"] = allowPrivateTargets ? "true" : "false",
            ["Webhooks:RetryDelay"] = "00:00:00.200",
            ["Webhooks:PollInterval"] = "00:00:00.100",
            ["Outbox:PollInterval"] = "00:00:00.100",
        });
}
