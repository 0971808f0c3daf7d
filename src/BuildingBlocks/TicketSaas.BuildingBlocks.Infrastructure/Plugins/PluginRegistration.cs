using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TicketSaas.BuildingBlocks.Infrastructure.Plugins;

public static class PluginRegistration
{
    /// <summary>
    /// Loads the plugins in <c>Plugins:Path</c> (relative to the content root; none when unset) and reports them at
    /// start-up. The host composes the returned modules next to its built-in ones.
    /// </summary>
    public static PluginLoadResult LoadPlugins(this IHostApplicationBuilder builder)
    {
        var path = builder.Configuration["Plugins:Path"];
        var plugins = PluginLoader.LoadAll(string.IsNullOrWhiteSpace(path) ? null : Path.Combine(builder.Environment.ContentRootPath, path));
        builder.Services.AddSingleton(plugins);
        builder.Services.AddHostedService<PluginReport>();
        return plugins;
    }
}
