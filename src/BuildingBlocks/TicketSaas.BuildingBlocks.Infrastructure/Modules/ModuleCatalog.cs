using System.Reflection;

namespace TicketSaas.BuildingBlocks.Infrastructure.Modules;

/// <summary>The modules this process runs, and which module owns a given request type.</summary>
public sealed class ModuleCatalog
{
    private readonly Dictionary<Assembly, IModule> _ownerByAssembly;

    public ModuleCatalog(IReadOnlyList<IModule> enabled)
    {
        Enabled = enabled;
        _ownerByAssembly = enabled
            .SelectMany(module => module.Assemblies.Select(assembly => (assembly, module)))
            .ToDictionary(pair => pair.assembly, pair => pair.module);
    }

    public IReadOnlyList<IModule> Enabled { get; }

    public IModule OwnerOf(Type requestType) =>
        _ownerByAssembly.TryGetValue(requestType.Assembly, out var module)
            ? module
            : throw new InvalidOperationException(
                $"{requestType.Name} belongs to no enabled module; is its module switched off?");
}
