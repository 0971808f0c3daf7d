using TicketSaas.IntegrationTests.Support;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Transcripts.Query;

/// <summary>
/// The API host for one test class with its own storage folder, so that tests can look at every stored byte
/// (erasure, retention) without seeing another host's files.
/// </summary>
public abstract class TranscriptsApi(DatabaseKind kind) : IAsyncLifetime
{
    private Task<ApiHost>? _host;

    public DatabaseKind Kind { get; } = kind;

    public string StoragePath { get; } = Directory.CreateTempSubdirectory("ticketsaas-transcript-files-").FullName;

    public Task<ApiHost> HostAsync() =>
        _host ??= ApiHost.StartAsync(Kind, new Dictionary<string, string> { ["Transcripts:Storage:Path"] = StoragePath });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is { IsCompletedSuccessfully: true })
        {
            await (await _host).DisposeAsync();
        }

        Directory.Delete(StoragePath, recursive: true);
    }
}

public sealed class TranscriptsOnSqlite() : TranscriptsApi(DatabaseKind.Sqlite);

public sealed class TranscriptsOnMariaDb() : TranscriptsApi(DatabaseKind.MariaDb);
