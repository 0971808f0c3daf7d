using System.Diagnostics;

namespace TicketSaas.LoadTests;

/// <summary>A process's CPU time over a stretch of wall time, as a share of all cores (1.0 = every core busy throughout).</summary>
internal sealed record CpuShare(string Process, double Share);

/// <summary>Measures the CPU shares of several processes over the same stretch of wall time.</summary>
internal sealed class CpuMeter(IReadOnlyList<(string Name, Func<TimeSpan> CpuTime)> processes)
{
    private long _startedAt;
    private TimeSpan[] _cpuAtStart = [];

    public IReadOnlyList<CpuShare> Shares { get; private set; } = [];

    /// <summary>This process: the load generator, and the emulator inside it.</summary>
    public static (string, Func<TimeSpan>) LoadGenerator { get; } = ("load generator (with the emulator)", () => Environment.CpuUsage.TotalTime);

    public void Start()
    {
        _cpuAtStart = [.. processes.Select(p => p.CpuTime())];
        _startedAt = Stopwatch.GetTimestamp();
    }

    public void Stop()
    {
        var available = Stopwatch.GetElapsedTime(_startedAt) * Environment.ProcessorCount;
        Shares = [.. processes.Select((p, i) => new CpuShare(p.Name, (p.CpuTime() - _cpuAtStart[i]) / available))];
    }
}
