using BenchmarkDotNet.Attributes;
using TicketSaas.IntegrationTests.Transcripts.Rendering;
using TicketSaas.Modules.Transcripts.Domain.Documents;
using TicketSaas.Modules.Transcripts.Rendering;

namespace TicketSaas.Benchmarks;

/// <summary>
/// The transcript page of a 10,000-message thread (markdown, mentions, emoji, timestamps, replies, embeds, attachments,
/// reactions), written to a writer that discards it: the renderer's own time and allocations. Target: ≤ 300 ms, ≤ 100 MB.
/// </summary>
[MemoryDiagnoser]
public class TranscriptRenderBenchmarks
{
    private TranscriptDocument _thread = null!;

    [GlobalSetup]
    public void Setup() => _thread = LargeThread.Create(10_000);

    [Benchmark]
    public Task RenderTenThousandMessages() =>
        TranscriptRenderer.RenderAsync(_thread, TextWriter.Null, key => "/files/" + Uri.EscapeDataString(key), [], CancellationToken.None);
}
