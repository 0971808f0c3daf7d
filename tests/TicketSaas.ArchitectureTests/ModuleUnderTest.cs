using System.Reflection;
using System.Runtime.Loader;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;

namespace TicketSaas.ArchitectureTests;

/// <summary>
/// A module as the rules see it: its root namespace (that of its <see cref="IModule"/> implementation, e.g.
/// <c>TicketSaas.Modules.Tickets</c>) and every assembly holding its types. The rules tell main, Domain and Contracts
/// apart by namespace, so a module split into three assemblies and a single-assembly plugin are checked alike.
/// </summary>
public sealed class ModuleUnderTest
{
    public ModuleUnderTest(string rootNamespace, IReadOnlyList<Assembly> assemblies)
    {
        RootNamespace = rootNamespace;
        Name = rootNamespace[(rootNamespace.LastIndexOf('.') + 1)..];
        Assemblies = assemblies;
    }

    /// <summary>The last segment of the root namespace, e.g. <c>Tickets</c>.</summary>
    public string Name { get; }

    public string RootNamespace { get; }

    public IReadOnlyList<Assembly> Assemblies { get; }

    /// <summary>
    /// The module's own assemblies plus <c>&lt;root&gt;.Domain</c> and <c>&lt;root&gt;.Contracts</c> where they exist, loaded
    /// by name into the module's load context (a plugin's, for plugins). By name, not from the references: the compiler
    /// drops a reference the code does not use, such as a Contracts project nobody reads yet.
    /// </summary>
    public static ModuleUnderTest From(IModule module)
    {
        var type = module.GetType();
        var root = type.Namespace ?? throw new InvalidOperationException($"{type} has no namespace.");
        var loadContext = AssemblyLoadContext.GetLoadContext(type.Assembly) ?? AssemblyLoadContext.Default;
        var parts = new[] { $"{root}.Domain", $"{root}.Contracts" }
            .Select(name => TryLoad(loadContext, new AssemblyName(name)))
            .OfType<Assembly>();
        return new ModuleUnderTest(root, module.Assemblies.Concat(parts).Distinct().ToList());
    }

    public override string ToString() => Name;

    private static Assembly? TryLoad(AssemblyLoadContext loadContext, AssemblyName name)
    {
        try
        {
            return loadContext.LoadFromAssemblyName(name);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
