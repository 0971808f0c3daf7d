namespace TicketSaas.IntegrationTests.Transcripts.Capture;

/// <summary>The end-to-end capture on MariaDB: the same rows, files, posts and event as on SQLite.</summary>
public sealed class MariaDbTranscriptCaptureTests(MariaDbCaptureScene fixture) : IClassFixture<MariaDbCaptureScene>
{
    [SkippableFact]
    public async Task Closing_captures_the_thread_and_its_files_and_shares_the_link() =>
        await CaptureScenarios.ClosingCapturesTheThreadItsFilesAndSharesTheLinkAsync(await fixture.SceneAsync());
}
