using System.Reflection;
using TicketSaas.Host.Composition;
using Xunit;

namespace TicketSaas.ArchitectureTests;

/// <summary>
/// The built-in modules, discovered from the hosts' own list, and the test cases generated from them: a new module
/// (or a plugin added to the list) is checked without new test code.
/// </summary>
public static class ModuleTable
{
    public static IReadOnlyList<ModuleUnderTest> Modules { get; } = BuiltInModules.All().Select(ModuleUnderTest.From).ToList();

    public static ArchitectureRules Rules { get; } = new(Modules);

    public static IReadOnlyList<Assembly> Hosts { get; } =
        [Assembly.Load("TicketSaas.Host.Api"), Assembly.Load("TicketSaas.Host.DiscordBot")];

    public static TheoryData<string> ModuleNames => [.. Modules.Select(m => m.Name)];

    public static TheoryData<RuleFamily, string> FamiliesPerModule =>
        TheoryRows.From(Enum.GetValues<RuleFamily>().SelectMany(family => Modules.Select(m => (family, m.Name))));

    public static TheoryData<string, string> ModulePairs =>
        TheoryRows.From(Modules.SelectMany(m => Modules.Where(other => other != m).Select(other => (m.Name, other.Name))));

    public static ModuleUnderTest Named(string name) => Modules.Single(m => m.Name == name);
}
