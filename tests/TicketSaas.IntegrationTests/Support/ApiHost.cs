using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Support;

/// <summary>The real API host, in process, on a fresh database of the given kind.</summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly Factory _factory;
    private readonly bool _ownsDatabase;

    private ApiHost(TestDatabase database, Factory factory, bool ownsDatabase)
    {
        Database = database;
        _factory = factory;
        _ownsDatabase = ownsDatabase;
    }

    public TestDatabase Database { get; }

    public IServiceProvider Services => _factory.Services;

    public static async Task<ApiHost> StartAsync(DatabaseKind kind, IReadOnlyDictionary<string, string>? settings = null) =>
        StartOn(await TestDatabase.CreateAsync(kind), settings, ownsDatabase: true);

    /// <summary>The API host on a database the caller owns and shares, e.g. with a bot host.</summary>
    public static ApiHost StartOn(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null, bool ownsDatabase = false)
    {
        var all = new Dictionary<string, string>(database.Settings)
        {
            ["Authentication:DevelopmentHeaders"] = "true",

            // Tests share a few caller ids across many requests; the rate limit tests set their own limits.
            ["RateLimits:PerUser:PermitLimit"] = "1000000",
            ["RateLimits:PerGuild:PermitLimit"] = "1000000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var host = new ApiHost(database, new Factory(all), ownsDatabase);
        _ = host._factory.Server;
        return host;
    }

    /// <summary>Waits until every integration event raised so far reached every consumer (or became a dead letter).</summary>
    public Task SettleAsync() => Settling.UntilSettledAsync(Services);

    public HttpClient ClientFor(TestCaller caller)
    {
        var client = _factory.CreateClient();
        caller.ApplyTo(client.DefaultRequestHeaders);
        return client;
    }

    /// <summary>A client that neither follows redirects nor keeps cookies: a login is followed by hand, cookies sent as a browser would.</summary>
    public HttpClient RawClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }

    private sealed class Factory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
