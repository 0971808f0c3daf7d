using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Bot;

public sealed class InProcessBotHostTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_bot_host_serves_on_loopback_with_the_test_clock_and_starts_again_on_the_same_database()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var clock = new FakeTimeProvider(Start);
        var settings = new Dictionary<string, string>();

        Uri firstAddress;
        await using (var first = await InProcessBotHost.StartAsync(database, settings, clock))
        {
            firstAddress = first.BaseAddress;
            Assert.Equal(IPAddress.Loopback.ToString(), first.BaseAddress.Host);
            Assert.Same(clock, first.Services.GetRequiredService<TimeProvider>());
            await AssertReadyAsync(first.BaseAddress);
        }

        using (var afterStop = new HttpClient { BaseAddress = firstAddress, Timeout = TimeSpan.FromSeconds(10) })
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => afterStop.GetAsync("/health/live"));
        }

        clock.Advance(TimeSpan.FromHours(3));

        await using var second = await InProcessBotHost.StartAsync(database, settings, clock);
        Assert.Same(clock, second.Services.GetRequiredService<TimeProvider>());
        Assert.Equal(Start.AddHours(3), second.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        await AssertReadyAsync(second.BaseAddress);
    }

    private static async Task AssertReadyAsync(Uri baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
