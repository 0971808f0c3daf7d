using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TicketSaas.LoadTests;

/// <summary>
/// A built ASP.NET Core app (a host, or the bare endpoint) running as its own process on 127.0.0.1, so that its CPU
/// time can be read apart from the load generator's and its garbage collections do not pause the generator.
/// </summary>
internal sealed partial class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 100;

    /// <summary>Enough of a log message to tell one problem from another.</summary>
    private const int ProblemLength = 240;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _tail = new();
    private readonly ConcurrentDictionary<string, int> _problems = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _warnings;
    private int _errors;

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Ctrl-C on the benchmark must not leave a host behind, holding its port and database.
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    public string Name { get; }

    public Uri BaseAddress => _listening.Task.IsCompletedSuccessfully
        ? _listening.Task.Result
        : throw new InvalidOperationException($"{Name} is not listening.");

    /// <summary>Warnings and errors the process logged (JSON console lines), a sign of trouble behind a latency figure.</summary>
    public (int Warnings, int Errors) LoggedProblems => (Volatile.Read(ref _warnings), Volatile.Read(ref _errors));

    /// <summary>The warnings and errors logged so far, by level, category and the first line of the message, most frequent first.</summary>
    public IReadOnlyList<(string Problem, int Count)> Problems =>
        [.. _problems.Select(p => (p.Key, p.Value)).OrderByDescending(p => p.Value)];

    /// <summary>User and system time of the process so far; on Linux, .NET reads it from /proc/&lt;pid&gt;/stat.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Runs <paramref name="entryAssembly"/> with <paramref name="environment"/> ("A:B" keys become A__B) and waits until it listens.</summary>
    public static async Task<ChildProcess> StartAsync(
        string name, string entryAssembly, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var folder = Path.GetDirectoryName(entryAssembly)!;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (var argument in (string[])[entryAssembly, .. arguments, "--contentRoot", folder, "--urls", "http://127.0.0.1:0"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var child = new ChildProcess(name, Process.Start(start)!);
        try
        {
            await child.WaitUntilListeningAsync();
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }

        return child;
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        var first = await Task.WhenAny(_listening.Task, _process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(2)));
        if (first != _listening.Task)
        {
            throw new InvalidOperationException(
                $"{Name} did not start listening ({(_process.HasExited ? $"exit code {_process.ExitCode}" : "timed out")}):\n{string.Join('\n', _tail)}");
        }
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        _tail.Enqueue(line);
        while (_tail.Count > KeptLines)
        {
            _tail.TryDequeue(out _);
        }

        var warning = line.Contains("\"LogLevel\":\"Warning\"", StringComparison.Ordinal);
        var error = line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal);
        if (warning || error)
        {
            Interlocked.Increment(ref warning ? ref _warnings : ref _errors);
            _problems.AddOrUpdate(ProblemOf(line), 1, (_, count) => count + 1);
        }

        if (!_listening.Task.IsCompleted && ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    /// <summary>
    /// The level, category and message template of a JSON console line, and the first line of its exception: the
    /// template rather than the message, so that one problem with different ticket ids counts as one.
    /// </summary>
    private static string ProblemOf(string line)
    {
        string problem;
        try
        {
            var entry = JsonNode.Parse(line);
            var template = entry?["State"]?["{OriginalFormat}"] ?? entry?["Message"];
            var exception = entry?["Exception"]?.GetValue<string>().Split('\n')[0];
            problem = $"{entry?["LogLevel"]} {entry?["Category"]}: {template?.GetValue<string>().Split('\n')[0]}{(exception is null ? "" : $" — {exception}")}";
        }
        catch (JsonException)
        {
            problem = line;
        }

        return problem.Length <= ProblemLength ? problem : problem[..ProblemLength] + "…";
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
