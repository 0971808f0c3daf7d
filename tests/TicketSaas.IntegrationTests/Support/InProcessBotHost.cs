extern alias bot;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketSaas.Testing;
using BotProgram = bot::Program;

namespace TicketSaas.IntegrationTests.Support;

/// <summary>
/// The real bot host in process, on a loopback TCP port so the Discord emulator can POST signed interactions to it,
/// with a clock the test owns. Disposing one and starting another on the same database and clock is a restart:
/// whatever the clock was advanced by in between is the downtime the new host sees.
/// </summary>
public sealed class InProcessBotHost : IBotHost
{
    private readonly Factory _factory;

    private InProcessBotHost(Factory factory, Uri baseAddress)
    {
        _factory = factory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>In process, the host logs to the test's own output.</summary>
    public IEnumerable<string> Output => [];

    public static async Task<InProcessBotHost> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string> settings, TimeProvider clock)
    {
        // The product's clock never returns sub-microsecond ticks (MySQL keeps datetime(6)); a finer fake clock would
        // make a timestamp written by a command differ from the same timestamp read back.
        if (clock.GetUtcNow().Ticks % TimeSpan.TicksPerMicrosecond != 0)
        {
            throw new ArgumentException("The clock must stand on a whole microsecond.", nameof(clock));
        }

        var all = new Dictionary<string, string>(database.Settings);
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var factory = new Factory(all, clock);
        try
        {
            // Port 0 lets the OS pick, so hosts of parallel tests and a restarted host never collide.
            factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            // Starting runs the host's migrations synchronously; off the test's thread it cannot stall other tests.
            await Task.Run(factory.StartServer);
            var address = factory.Services.GetRequiredService<IServer>().Features
                .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            return new InProcessBotHost(factory, new Uri(address));
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private sealed class Factory(IReadOnlyDictionary<string, string> settings, TimeProvider clock) : WebApplicationFactory<BotProgram>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            // Every registration goes, including the Discord client's fallback to the system clock, so background
            // services and handlers alike read and wait on the test's clock.
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(clock);
            });
        }
    }
}
