using TicketSaas.Host.Api.Modules.Planted;
using TicketSaas.Modules.Planted;
using TicketSaas.Modules.PlantedExtras;
using Xunit;

namespace TicketSaas.ArchitectureTests;

/// <summary>
/// The rules must bite: run against the planted-violations fixture, each family reports exactly the planted types,
/// and every rule selects something there, so a rule that cannot fail shows up here.
/// </summary>
public sealed class PlantedViolationsTests
{
    private const string Planted = "TicketSaas.Modules.Planted.";
    private const string Plant = Planted + "Features.Plant.";

    private static readonly ModuleUnderTest PlantedModule = ModuleUnderTest.From(new PlantedModule());
    private static readonly ModuleUnderTest Neighbour = ModuleUnderTest.From(new PlantedExtrasModule());
    private static readonly ArchitectureRules Rules = new([PlantedModule, Neighbour]);

    internal static readonly Dictionary<RuleFamily, string[]> Expected = new()
    {
        [RuleFamily.ContractsPurity] = [Planted + "Contracts.ContractLeakingEfCore", Planted + "Contracts.ContractLeakingDomain"],
        [RuleFamily.DomainPurity] = [Planted + "Domain.DomainUsingEfCore", Planted + "Domain.DomainUsingModuleMain"],
        [RuleFamily.SliceConventions] =
        [
            Plant + "PublicPlantCommandHandler", Plant + "UnsealedPlantQueryHandler", Plant + "PlantLookupProcessor",
            Plant + "PublicPlantCommandValidator", Plant + "PlantChecks", Plant + "PlantStatusEndpoint",
            Planted + "IntegrationEventHandlers.PlantNotificationHandler", Plant + "PlantDirectRequest",
            Plant + "RenamePlant", Plant + "PlantLookup",
        ],
        [RuleFamily.ImmutableMessages] =
            [Plant + "MutablePlantCommand", Plant + "CountingPlantQuery", Planted + "Contracts.PlantedArchivedIntegrationEvent"],
        [RuleFamily.IntegrationEvents] = [Planted + "Contracts.PlantedRenamed", Plant + "PlantedClosedIntegrationEvent"],
        [RuleFamily.Encapsulation] =
        [
            Plant + "PublicPlantCommandHandler", Plant + "PublicPlantCommandValidator", Plant + "PlantHelper",
            Planted + "Persistence.PublicPlantedDbContext",
        ],
        [RuleFamily.Naming] = [Planted + "Domain.PlantedLimit", Plant + "PlantClock"],
        [RuleFamily.DiscordAdapterAccess] = [Planted + "Domain.DomainTalkingToDiscord", Plant + "FeatureTalkingToDiscord"],
    };

    public static TheoryData<RuleFamily> Families => [.. Enum.GetValues<RuleFamily>()];

    [Theory]
    [MemberData(nameof(Families))]
    public void Rule_family_reports_exactly_the_planted_types(RuleFamily family) =>
        AssertReportsExactly(Expected[family], Rules.Check(family, PlantedModule));

    [Fact]
    public void Module_isolation_reports_exactly_the_planted_types() =>
        AssertReportsExactly(
            [Planted + "Domain.DomainUsingNeighbourDomain", Plant + "FeatureUsingNeighbourMain", Plant + "FeatureUsingNeighbourContractDetail"],
            Rules.ModuleIsolation(PlantedModule, Neighbour));

    [Fact]
    public void Module_isolation_passes_the_clean_neighbour() =>
        RuleAssert.Passes(Rules.ModuleIsolation(Neighbour, PlantedModule));

    [Fact]
    public void Host_rule_reports_exactly_the_planted_types()
    {
        var fixture = typeof(PlantedModule).Assembly;
        var hostModuleNamespace = Assert.Single(ArchitectureRules.HostModuleNamespaces(fixture));
        Assert.Equal(typeof(PlantedHostMarker).Namespace, hostModuleNamespace);
        AssertReportsExactly(["TicketSaas.Host.Api.Modules.Planted.PlantedHostLeak"], Rules.HostModuleIsolation(fixture, hostModuleNamespace));
    }

    internal static void AssertReportsExactly(string[] expected, IReadOnlyList<RuleResult> results)
    {
        Assert.All(results, result => Assert.True(result.Selected > 0, $"{result.Rule}: selected nothing in the fixture"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), RuleAssert.FailingTypes(results));
    }
}
