using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TicketSaas.BuildingBlocks.Infrastructure.Plugins;

/// <summary>Says at start-up which plugins run and why any was refused (plugins load before logging exists).</summary>
internal sealed partial class PluginReport(PluginLoadResult plugins, ILogger<PluginReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var plugin in plugins.Loaded)
        {
            LogLoaded(plugin.Manifest.Id, plugin.Manifest.Version, string.Join(", ", plugin.Modules.Select(m => m.Key)));
        }

        foreach (var refused in plugins.Refused)
        {
            LogRefused(Path.GetFileName(refused.Folder), refused.Reason);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {Plugin} {Version} loaded: module(s) {Modules}")]
    private partial void LogLoaded(string plugin, string version, string modules);

    [LoggerMessage(Level = LogLevel.Error, Message = "Plugin folder {Folder} refused: {Reason}; the host runs without it")]
    private partial void LogRefused(string folder, string reason);
}
