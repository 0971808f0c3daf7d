using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Tickets;

/// <summary>One scene per test class; tests keep apart by using guilds of their own.</summary>
public abstract class TicketSceneFixture(DatabaseKind kind, DiscordDelivery delivery = DiscordDelivery.Http,
    IReadOnlyDictionary<string, string>? botSettings = null, IReadOnlyDictionary<string, string>? apiSettings = null) : IAsyncLifetime
{
    private Task<TicketScene>? _scene;

    public Task<TicketScene> SceneAsync() => _scene ??= StartAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_scene is { IsCompletedSuccessfully: true })
        {
            await (await _scene).DisposeAsync();
        }
    }

    private Task<TicketScene> StartAsync() => TicketScene.StartAsync(kind, botSettings, delivery, apiSettings: apiSettings);
}

public sealed class SqliteTicketScene() : TicketSceneFixture(DatabaseKind.Sqlite);

public sealed class MariaDbTicketScene() : TicketSceneFixture(DatabaseKind.MariaDb);

public sealed class SqliteGatewayTicketScene() : TicketSceneFixture(DatabaseKind.Sqlite, DiscordDelivery.Gateway);
