using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Support;

/// <summary>
/// One API host per test class and database kind, started on first use so that a missing MariaDB skips
/// (or, under CI, fails) the tests instead of breaking the fixture. Tests use their own guild ids.
/// </summary>
public abstract class ApiFixture(DatabaseKind kind) : IAsyncLifetime
{
    private Task<ApiHost>? _host;

    public DatabaseKind Kind { get; } = kind;

    public Task<ApiHost> HostAsync() => _host ??= ApiHost.StartAsync(Kind);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is { IsCompletedSuccessfully: true })
        {
            await (await _host).DisposeAsync();
        }
    }
}

public sealed class SqliteApi() : ApiFixture(DatabaseKind.Sqlite);

public sealed class MariaDbApi() : ApiFixture(DatabaseKind.MariaDb);
