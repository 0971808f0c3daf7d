namespace TicketSaas.IntegrationTests.Support;

/// <summary>A running bot host: a child process (which can be killed), or in process (whose clock a test can move).</summary>
public interface IBotHost : IAsyncDisposable
{
    Uri BaseAddress { get; }

    /// <summary>The host's log lines, to explain a failing wait.</summary>
    IEnumerable<string> Output { get; }
}
