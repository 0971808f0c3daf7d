using System.Diagnostics;

namespace TicketSaas.Testing;

/// <summary>
/// Builds the plugins kept out of the solution the way an operator would install them: <c>dotnet publish</c> into
/// a folder of their own under a plugins folder. Built once per test process; test processes take turns.
/// </summary>
public static class PluginBuilds
{
    private static readonly Lazy<Task<string>> Webhooks = new(() => PublishAsync("src/Modules/Webhooks/TicketSaas.Plugins.Webhooks", "webhooks"));

    /// <summary>A plugins folder (for <c>Plugins:Path</c>) holding the webhooks plugin in <c>webhooks/</c>.</summary>
    public static Task<string> WebhooksAsync() => Webhooks.Value;

    private static async Task<string> PublishAsync(string project, string pluginFolder)
    {
        var plugins = Directory.CreateTempSubdirectory("ticketsaas-plugins-").FullName;
        var output = Path.Combine(plugins, pluginFolder);
        // Two test assemblies building the same project at once would fight over its obj folder.
        await using var turn = await TakeTurnAsync(Path.Combine(Path.GetTempPath(), "ticketsaas-plugin-build.lock"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        foreach (var argument in new[] { "publish", Path.Combine(RepositoryPaths.Root, project), "-o", output, "-nologo", "-v", "q" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {project} failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        return plugins;
    }

    private static async Task<FileStream> TakeTurnAsync(string lockFile)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (true)
        {
            try
            {
                return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
    }
}
