using System.Runtime.Loader;
using System.Text.Json;
using TicketSaas.BuildingBlocks.Infrastructure.Plugins;
using TicketSaas.Modules.Planted;
using TicketSaas.Testing;
using Xunit;

namespace TicketSaas.ArchitectureTests;

/// <summary>
/// Plugins pass the same gate as built-in modules: the rules run on the assemblies the host's plugin loader loads,
/// in the plugin's own load context, judged against every built-in module.
/// </summary>
public sealed class PluginRulesTests
{
    public static TheoryData<RuleFamily> Families => [.. Enum.GetValues<RuleFamily>()];

    [Theory]
    [MemberData(nameof(Families))]
    public async Task The_webhooks_plugin_obeys_rule_family(RuleFamily family)
    {
        var plugin = await WebhooksPluginAsync();
        RuleAssert.Passes(new ArchitectureRules([.. ModuleTable.Modules, plugin]).Check(family, plugin));
    }

    [Fact]
    public async Task The_webhooks_plugin_and_the_built_in_modules_use_each_other_only_through_integration_events()
    {
        var plugin = await WebhooksPluginAsync();
        var rules = new ArchitectureRules([.. ModuleTable.Modules, plugin]);
        foreach (var module in ModuleTable.Modules)
        {
            RuleAssert.Passes(rules.ModuleIsolation(plugin, module));
            RuleAssert.Passes(rules.ModuleIsolation(module, plugin));
        }
    }

    [Fact]
    public void A_plugin_with_planted_violations_is_reported()
    {
        var folder = Directory.CreateTempSubdirectory("ticketsaas-planted-plugin-").FullName;
        try
        {
            var fixture = typeof(PlantedModule).Assembly.Location;
            File.Copy(fixture, Path.Combine(folder, Path.GetFileName(fixture)));
            File.WriteAllText(Path.Combine(folder, PluginManifest.FileName), JsonSerializer.Serialize(new
            {
                id = "planted", version = "1.0.0", entryAssembly = Path.GetFileName(fixture), hostApiVersion = HostApi.Version.ToString(),
            }));

            var modules = PluginLoader.Load(folder).Modules.Select(ModuleUnderTest.From).ToList();

            var planted = modules.Single(m => m.Name == "Planted");
            Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(planted.Assemblies[0]));
            var rules = new ArchitectureRules(modules);
            foreach (var family in Enum.GetValues<RuleFamily>())
            {
                PlantedViolationsTests.AssertReportsExactly(PlantedViolationsTests.Expected[family], rules.Check(family, planted));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<ModuleUnderTest> WebhooksPluginAsync()
    {
        var loaded = PluginLoader.Load(Path.Combine(await PluginBuilds.WebhooksAsync(), "webhooks"));
        var module = ModuleUnderTest.From(Assert.Single(loaded.Modules));
        Assert.Equal("Webhooks", module.Name);
        return module;
    }
}
