using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;

namespace TicketSaas.BuildingBlocks.Infrastructure.Plugins;

public sealed record LoadedPlugin(PluginManifest Manifest, string Folder, IReadOnlyList<IModule> Modules);

public sealed record RefusedPlugin(string Folder, string Reason);

public sealed record PluginLoadResult(IReadOnlyList<LoadedPlugin> Loaded, IReadOnlyList<RefusedPlugin> Refused)
{
    public IEnumerable<IModule> Modules => Loaded.SelectMany(plugin => plugin.Modules);
}

/// <summary>
/// Loads plugins from <c>Plugins:Path</c>: one sub-folder per plugin, each with a <see cref="PluginManifest"/>, its entry
/// assembly loaded into a <see cref="PluginLoadContext"/> of its own. A folder that cannot be loaded is refused, with
/// the reason, and the others load as usual.
/// </summary>
public static class PluginLoader
{
    // A load context cannot be unloaded while its types are in use, and two hosts in one process (tests) must not
    // get two copies of a plugin's types: one context per entry assembly, for the life of the process.
    private static readonly ConcurrentDictionary<string, Assembly> EntryAssemblies = new(StringComparer.Ordinal);

    static PluginLoader() =>
        // Libraries that load assemblies by name from the host's context (EF Core's migrations assembly, Wolverine's
        // generated handler code) find a plugin's own assemblies this way.
        AssemblyLoadContext.Default.Resolving += (_, name) =>
            EntryAssemblies.Values.FirstOrDefault(assembly => assembly.GetName().Name == name.Name);

    public static PluginLoadResult LoadAll(string? pluginsPath)
    {
        if (string.IsNullOrWhiteSpace(pluginsPath) || !Directory.Exists(pluginsPath))
        {
            return new PluginLoadResult([], []);
        }

        var loaded = new List<LoadedPlugin>();
        var refused = new List<RefusedPlugin>();
        foreach (var folder in Directory.GetDirectories(pluginsPath).Order(StringComparer.Ordinal))
        {
            try
            {
                loaded.Add(Load(folder));
            }
            catch (PluginRefusedException refusal)
            {
                refused.Add(new RefusedPlugin(folder, refusal.Message));
            }
        }

        return new PluginLoadResult(loaded, refused);
    }

    /// <exception cref="PluginRefusedException">The manifest, the host API version or the assembly is not usable.</exception>
    public static LoadedPlugin Load(string folder)
    {
        var manifest = PluginManifest.Read(folder);
        if (!Version.TryParse(manifest.HostApiVersion, out var builtAgainst))
        {
            throw new PluginRefusedException($"hostApiVersion '{manifest.HostApiVersion}' is not a version such as '1.0'");
        }

        if (!HostApi.Accepts(builtAgainst))
        {
            throw new PluginRefusedException(string.Create(CultureInfo.InvariantCulture,
                $"it was built against host API {builtAgainst}, this host offers {HostApi.Version} (same major, no newer minor)"));
        }

        var entryPath = Path.GetFullPath(Path.Combine(folder, manifest.EntryAssembly));
        if (!File.Exists(entryPath))
        {
            throw new PluginRefusedException($"its entry assembly {manifest.EntryAssembly} is missing");
        }

        var modules = ModulesIn(LoadEntryAssembly(entryPath));
        return modules.Count == 0
            ? throw new PluginRefusedException($"{manifest.EntryAssembly} has no public IModule with a parameterless constructor")
            : new LoadedPlugin(manifest, folder, modules);
    }

    private static Assembly LoadEntryAssembly(string entryPath)
    {
        try
        {
            return EntryAssemblies.GetOrAdd(entryPath, path => new PluginLoadContext(path).LoadFromAssemblyPath(path));
        }
        catch (Exception unloadable) when (unloadable is BadImageFormatException or FileLoadException or FileNotFoundException)
        {
            throw new PluginRefusedException($"{Path.GetFileName(entryPath)} cannot be loaded ({unloadable.Message})");
        }
    }

    private static List<IModule> ModulesIn(Assembly assembly)
    {
        try
        {
            return assembly.GetExportedTypes()
                .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IModule).IsAssignableFrom(type)
                    && type.GetConstructor(Type.EmptyTypes) is not null)
                .Select(type => (IModule)Activator.CreateInstance(type)!)
                .ToList();
        }
        catch (Exception broken) when (broken is ReflectionTypeLoadException or FileNotFoundException or FileLoadException or TypeLoadException)
        {
            throw new PluginRefusedException($"{assembly.GetName().Name} does not fit this host ({broken.Message})");
        }
    }
}
