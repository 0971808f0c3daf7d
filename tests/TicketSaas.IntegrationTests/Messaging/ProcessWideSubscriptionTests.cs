using System.Net.Http.Json;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Messaging;

/// <summary>Every process sees every event once from its own cursor, whichever process raised it.</summary>
public sealed class ProcessWideSubscriptionTests
{
    [Fact]
    public async Task An_event_raised_in_the_api_host_is_seen_once_by_the_bot_host()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var api = await ChildHosts.ApiAsync(database);
        await using var bot = await ChildHosts.BotAsync(database);
        var guild = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));

        (await client.PutAsJsonAsync($"/api/v1/guilds/{guild}/transcripts/settings", new { publicLinksEnabled = false })).EnsureSuccessStatusCode();
        var eventId = await WaitForSightingAsync(api);
        await WaitForSightingAsync(bot);
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Single(Sightings(bot), line => line.Contains(eventId, StringComparison.Ordinal));
        Assert.Single(Sightings(api), line => line.Contains(eventId, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Sightings(ChildHost host) =>
        host.Output.Where(line => line.Contains("Process-wide event platform.audit-recorded.v1", StringComparison.Ordinal));

    /// <returns>The id of the event, as the host logged it.</returns>
    private static async Task<string> WaitForSightingAsync(ChildHost host)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (Sightings(host).FirstOrDefault() is { } line)
            {
                var start = line.IndexOf("platform.audit-recorded.v1 ", StringComparison.Ordinal) + "platform.audit-recorded.v1 ".Length;
                return line.Substring(start, 36);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No process-wide sighting in:\n{string.Join('\n', host.Output.TakeLast(20))}");
    }
}
