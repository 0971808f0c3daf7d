using System.Text;
using TicketSaas.Modules.Transcripts.Rendering;

namespace TicketSaas.IntegrationTests.Transcripts.Rendering;

/// <summary>A 10,000-message thread streams out in small writes, every message on the page (the timing is the benchmark's job).</summary>
public sealed class LargeTranscriptTests
{
    [Fact]
    public async Task Ten_thousand_messages_stream_out_in_small_writes()
    {
        var thread = LargeThread.Create(10_000);
        var output = new CountingWriter("id=\"m-");

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        await TranscriptRenderer.RenderAsync(thread, output, TranscriptPages.FileUrl, [], CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Equal(10_000, output.Markers);
        Assert.EndsWith("</main></body></html>", output.Tail, StringComparison.Ordinal);
        Assert.True(output.Writes > 100, $"{output.Writes} writes for {output.Characters} characters");
        Assert.True(output.LargestWrite <= 64 * 1024, $"one write of {output.LargestWrite} characters");
        Assert.True(allocated < 100L * 1024 * 1024, $"{allocated / (1024 * 1024)} MB allocated");
    }

    [Fact]
    public async Task Rendering_stops_when_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            TranscriptRenderer.RenderAsync(LargeThread.Create(10), new CountingWriter("x"), TranscriptPages.FileUrl, [], cancellation.Token));
    }

    /// <summary>Keeps nothing but counts: characters, writes, the largest write, and occurrences of a marker.</summary>
    /// <remarks>The marker must not start with a repetition of its own beginning ("aab"), which this simple matcher would miss.</remarks>
    private sealed class CountingWriter(string marker) : TextWriter
    {
        private const int TailLength = 64;
        private int _matched;
        private string _tail = "";

        public override Encoding Encoding => Encoding.UTF8;

        public long Characters { get; private set; }

        public int Writes { get; private set; }

        public int LargestWrite { get; private set; }

        public int Markers { get; private set; }

        /// <summary>The last characters written.</summary>
        public string Tail => _tail;

        public override void Write(char value) => Count([value]);

        public override void Write(char[] buffer, int index, int count) => Count(buffer.AsSpan(index, count));

        public override void Write(ReadOnlySpan<char> buffer) => Count(buffer);

        // The base class would hand these to the thread pool; counting is instant.
        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
        {
            Count(buffer.Span);
            return Task.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private void Count(ReadOnlySpan<char> chunk)
        {
            Writes++;
            Characters += chunk.Length;
            LargestWrite = Math.Max(LargestWrite, chunk.Length);
            foreach (var c in chunk)
            {
                _matched = c == marker[_matched] ? _matched + 1 : c == marker[0] ? 1 : 0;
                if (_matched == marker.Length)
                {
                    Markers++;
                    _matched = 0;
                }
            }

            var tail = string.Concat(_tail, chunk[Math.Max(0, chunk.Length - TailLength)..]);
            _tail = tail[Math.Max(0, tail.Length - TailLength)..];
        }
    }
}
