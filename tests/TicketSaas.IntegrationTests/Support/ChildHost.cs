using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Support;

/// <summary>
/// A built host (API or bot) running as a real child process on loopback, so a test can kill it (SIGKILL) or run
/// several side by side. Its output is kept for assertions.
/// </summary>
public sealed partial class ChildHost : IBotHost
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildHost(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IEnumerable<string> Output => _output;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the host whose entry assembly is <paramref name="entryAssembly"/> and waits until it listens.</summary>
    public static async Task<ChildHost> StartAsync(string entryAssembly, TestDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = Path.GetDirectoryName(entryAssembly)!;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (var argument in new[] { entryAssembly, "--contentRoot", folder, "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Authentication__DevelopmentHeaders"] = "true";
        start.Environment["Outbox__PollInterval"] = "00:00:00.100";
        foreach (var (key, value) in database.Settings.Concat(settings ?? new Dictionary<string, string>()))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var host = new ChildHost(Process.Start(start)!);
        await host.WaitUntilListeningAsync();
        return host;
    }

    /// <summary>Runs an operator command of the host (e.g. <c>dead-letters list</c>) to its end.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(string entryAssembly, TestDatabase database, params string[] command)
    {
        var folder = Path.GetDirectoryName(entryAssembly)!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var argument in new[] { entryAssembly, "--contentRoot", folder }.Concat(command))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in database.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await output + await errors);
    }

    public Uri BaseAddress => new(_url.Task.Result);

    public HttpClient ClientFor(TestCaller caller)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        caller.ApplyTo(client.DefaultRequestHeaders);
        return client;
    }

    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_url.Task, exited, Task.Delay(TimeSpan.FromMinutes(1)));
        if (first != _url.Task)
        {
            throw new InvalidOperationException(
                $"The host did not start listening ({(_process.HasExited ? $"exit code {_process.ExitCode}" : "timed out")}):\n{string.Join('\n', _output.TakeLast(40))}");
        }
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _url.TrySetResult(match.Groups[1].Value);
        }
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
