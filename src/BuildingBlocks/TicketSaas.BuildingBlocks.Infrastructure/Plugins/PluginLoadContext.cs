using System.Reflection;
using System.Runtime.Loader;

namespace TicketSaas.BuildingBlocks.Infrastructure.Plugins;

/// <summary>
/// One plugin's assemblies. Shared with the host, so that types crossing the boundary (<c>IModule</c>, DbContext,
/// events, DI) are the host's own: <c>TicketSaas.BuildingBlocks.*</c>, every <c>*.Contracts</c>, and any assembly
/// the host ships or has loaded (framework, EF Core, MediatR, Wolverine...). Everything else comes from the
/// plugin's folder, resolved through its <c>.deps.json</c>.
/// </summary>
internal sealed class PluginLoadContext(string entryAssemblyPath)
    : AssemblyLoadContext($"plugin:{Path.GetFileNameWithoutExtension(entryAssemblyPath)}")
{
    private static readonly HashSet<string> HostShipped = HostAssemblyNames();

    private readonly AssemblyDependencyResolver _resolver = new(entryAssemblyPath);

    public static bool IsShared(AssemblyName name) =>
        name.Name is { } simple
        && (simple.StartsWith("TicketSaas.BuildingBlocks.", StringComparison.Ordinal)
            || simple.EndsWith(".Contracts", StringComparison.Ordinal)
            || HostShipped.Contains(simple)
            || Default.Assemblies.Any(loaded => loaded.GetName().Name == simple));

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (IsShared(assemblyName))
        {
            return null;
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    /// <summary>The host's trusted platform assemblies: the framework and everything in the host's own deps.json.</summary>
    private static HashSet<string> HostAssemblyNames() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
}
