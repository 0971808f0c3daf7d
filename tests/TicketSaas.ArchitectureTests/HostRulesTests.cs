using Xunit;

namespace TicketSaas.ArchitectureTests;

public sealed class HostRulesTests
{
    private const string NoneYet = "(no host module namespace yet)";

    /// <summary>One case per existing <c>TicketSaas.Host.&lt;Host&gt;.Modules.&lt;M&gt;</c> namespace.</summary>
    public static TheoryData<string, string> HostModuleNamespaces
    {
        get
        {
            var cases = ModuleTable.Hosts
                .SelectMany(host => ArchitectureRules.HostModuleNamespaces(host).Select(ns => (host.GetName().Name!, ns)))
                .ToList();
            // xunit fails a theory without data; say plainly that there is nothing to check yet.
            return TheoryRows.From(cases.Count > 0 ? cases : [(NoneYet, NoneYet)]);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(HostModuleNamespaces))]
    public void Host_module_namespace_uses_only_its_module(string host, string hostModuleNamespace)
    {
        Skip.If(host == NoneYet, "No host has a Modules.<M> namespace yet; the planted-violations test proves the rule.");
        var assembly = ModuleTable.Hosts.Single(h => h.GetName().Name == host);
        RuleAssert.Passes(ModuleTable.Rules.HostModuleIsolation(assembly, hostModuleNamespace));
    }
}
