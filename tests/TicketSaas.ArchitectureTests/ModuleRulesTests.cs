using Xunit;

namespace TicketSaas.ArchitectureTests;

public sealed class ModuleRulesTests
{
    [Theory]
    [MemberData(nameof(ModuleTable.FamiliesPerModule), MemberType = typeof(ModuleTable))]
    public void Module_obeys_rule_family(RuleFamily family, string module) =>
        RuleAssert.Passes(ModuleTable.Rules.Check(family, ModuleTable.Named(module)));

    [Theory]
    [MemberData(nameof(ModuleTable.ModulePairs), MemberType = typeof(ModuleTable))]
    public void Module_uses_another_only_through_its_integration_events(string module, string other) =>
        RuleAssert.Passes(ModuleTable.Rules.ModuleIsolation(ModuleTable.Named(module), ModuleTable.Named(other)));

    [Theory]
    [MemberData(nameof(ModuleTable.ModuleNames), MemberType = typeof(ModuleTable))]
    public void Built_in_module_brings_its_Domain_and_Contracts_assemblies(string module)
    {
        var underTest = ModuleTable.Named(module);
        var names = underTest.Assemblies.Select(a => a.GetName().Name).ToList();
        Assert.Contains($"{underTest.RootNamespace}.Domain", names);
        Assert.Contains($"{underTest.RootNamespace}.Contracts", names);
    }
}
