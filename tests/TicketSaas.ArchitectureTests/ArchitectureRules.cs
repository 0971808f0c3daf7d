using System.Reflection;
using System.Text.RegularExpressions;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.BuildingBlocks.Domain;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;
using static TicketSaas.ArchitectureTests.TypeChecks;

namespace TicketSaas.ArchitectureTests;

public enum RuleFamily
{
    ContractsPurity,
    DomainPurity,
    SliceConventions,
    ImmutableMessages,
    IntegrationEvents,
    Encapsulation,
    Naming,
    DiscordAdapterAccess,
}

/// <param name="Selected">How many types the rule looked at; zero usually means a namespace typo.</param>
/// <param name="MaySelectNothing">A module may legitimately have no such types yet (e.g. no integration events).</param>
public sealed record RuleResult(string Rule, int Selected, bool MaySelectNothing, IReadOnlyList<string> FailingTypes);

/// <summary>
/// The architecture rules (STYLE §4.8) for any set of modules: the built-in ones, plugins loaded at run time, or the
/// planted-violations fixture. Module isolation and the host rule judge a module against the others in the set.
/// </summary>
public sealed class ArchitectureRules(IReadOnlyList<ModuleUnderTest> modules)
{
    private const string DiscordAdapter = "TicketSaas.BuildingBlocks.Discord";
    private const string EfCore = "Microsoft.EntityFrameworkCore";
    private static readonly Regex HostModuleNamespace = new(@"^(TicketSaas\.Host\.(Api|DiscordBot)\.Modules\.[^.]+)(\.|$)");

    public IReadOnlyList<RuleResult> Check(RuleFamily family, ModuleUnderTest module) => family switch
    {
        RuleFamily.ContractsPurity => ContractsPurity(module),
        RuleFamily.DomainPurity => DomainPurity(module),
        RuleFamily.SliceConventions => SliceConventions(module),
        RuleFamily.ImmutableMessages => ImmutableMessages(module),
        RuleFamily.IntegrationEvents => IntegrationEvents(module),
        RuleFamily.Encapsulation => Encapsulation(module),
        RuleFamily.Naming => Naming(module),
        RuleFamily.DiscordAdapterAccess => DiscordAdapterAccess(module),
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, null),
    };

    /// <summary>
    /// The module's main and Domain types use nothing of <paramref name="other"/> but its integration events (with
    /// their nested types) and the enums of its Contracts.
    /// </summary>
    public IReadOnlyList<RuleResult> ModuleIsolation(ModuleUnderTest module, ModuleUnderTest other)
    {
        var forbidden = TopLevelTypeNames(other, type => !(InPart(other, "Contracts", type) && (IsIntegrationEventType(type) || type.IsEnum)));
        if (forbidden.Length == 0)
        {
            throw new InvalidOperationException($"Module {other} has no types under {other.RootNamespace}: are its assemblies missing?");
        }

        return
        [
            Check($"{module} uses only integration events of {other}",
                TypesIn(module, Root(module), Part(module, "Contracts")),
                types => types.ShouldNot().HaveDependencyOnAny(forbidden)),
        ];
    }

    /// <summary>A host's <c>Modules.&lt;M&gt;</c> folder uses no module but <c>M</c>.</summary>
    public IReadOnlyList<RuleResult> HostModuleIsolation(Assembly host, string hostModuleNamespace)
    {
        var moduleName = hostModuleNamespace[(hostModuleNamespace.LastIndexOf('.') + 1)..];
        if (modules.All(m => m.Name != moduleName))
        {
            throw new InvalidOperationException($"{hostModuleNamespace} names no known module ({string.Join(", ", modules)}).");
        }

        var others = modules.Where(m => m.Name != moduleName).Select(m => m.RootNamespace).ToArray();
        return
        [
            Check($"{hostModuleNamespace} uses no other module",
                Types.InAssembly(host).That().MeetCustomRule(InNamespace(Anchored(hostModuleNamespace))),
                types => types.ShouldNot().HaveDependencyOnAny(others)),
        ];
    }

    /// <summary>The <c>TicketSaas.Host.&lt;Host&gt;.Modules.&lt;M&gt;</c> namespaces that exist in a host assembly.</summary>
    public static IReadOnlyList<string> HostModuleNamespaces(Assembly host) =>
        host.GetTypes()
            .Select(type => HostModuleNamespace.Match(type.Namespace ?? string.Empty))
            .Where(match => match.Success)
            .Select(match => match.Groups[1].Value)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    private IReadOnlyList<RuleResult> ContractsPurity(ModuleUnderTest module)
    {
        // Every module type but this module's own contracts: listed by name, because a contract refers to itself.
        var moduleTypes = modules.Append(module).Distinct()
            .SelectMany(m => TopLevelTypeNames(m, type => m != module || !InPart(module, "Contracts", type)));
        return
        [
            Check("Contracts use no EF Core, MediatR, Wolverine or module types",
                TypesIn(module, Part(module, "Contracts")),
                types => types.ShouldNot().HaveDependencyOnAny([EfCore, "MediatR", "Wolverine", .. moduleTypes]),
                maySelectNothing: true),
        ];
    }

    private static IReadOnlyList<RuleResult> DomainPurity(ModuleUnderTest module)
    {
        var mainTypes = TopLevelTypeNames(module, type => !InPart(module, "Domain", type) && !InPart(module, "Contracts", type));
        return
        [
            Check("Domain uses no EF Core, MediatR, Wolverine, FluentValidation, ASP.NET Core or its module's main assembly",
                TypesIn(module, Part(module, "Domain")),
                types => types.ShouldNot().HaveDependencyOnAny(
                    [EfCore, "MediatR", "Wolverine", "FluentValidation", "Microsoft.AspNetCore", .. mainTypes])),
        ];
    }

    private static IReadOnlyList<RuleResult> SliceConventions(ModuleUnderTest module)
    {
        PredicateList Main() => TypesIn(module, Root(module), Part(module, "Domain|Contracts"));
        PredicateList Handlers() => Main().And().ImplementInterface(typeof(IRequestHandler<,>));
        PredicateList Validators() => Main().And().Inherit(typeof(AbstractValidator<>));
        return
        [
            Check("MediatR handlers end with CommandHandler or QueryHandler", Handlers(),
                types => types.Should().HaveNameEndingWith("CommandHandler", StringComparison.Ordinal)
                    .Or().HaveNameEndingWith("QueryHandler", StringComparison.Ordinal)),
            // Public handlers would also be picked up by Wolverine's discovery (STYLE §1.3).
            Check("MediatR handlers are not public", Handlers(), types => types.Should().NotBePublic()),
            Check("MediatR handlers are sealed", Handlers(), types => types.Should().BeSealed()),
            Check("Validators end with Validator", Validators(),
                types => types.Should().HaveNameEndingWith("Validator", StringComparison.Ordinal)),
            Check("Validators are not public", Validators(), types => types.Should().NotBePublic()),
            Check("Endpoints are static", Main().And().HaveNameEndingWith("Endpoint", StringComparison.Ordinal),
                types => types.Should().BeStatic()),
            Check("Public …Handler classes implement no MediatR interface",
                Main().And().ArePublic().And().AreClasses().And().HaveNameEndingWith("Handler", StringComparison.Ordinal),
                types => types.Should().MeetCustomRule(Is(type => !ImplementsAnyInterfaceFrom(type, "MediatR"))),
                maySelectNothing: true),
            Check("Requests are ICommand<T> or IQuery<T>, never a bare IRequest<T>",
                Main().And().ImplementInterface(typeof(IRequest<>)),
                types => types.Should().ImplementInterface(typeof(ICommand<>)).Or().ImplementInterface(typeof(IQuery<>))),
            Check("Commands end with Command", Main().And().ImplementInterface(typeof(ICommand<>)),
                types => types.Should().HaveNameEndingWith("Command", StringComparison.Ordinal)),
            Check("Queries end with Query", Main().And().ImplementInterface(typeof(IQuery<>)),
                types => types.Should().HaveNameEndingWith("Query", StringComparison.Ordinal)),
        ];
    }

    private static IReadOnlyList<RuleResult> ImmutableMessages(ModuleUnderTest module)
    {
        var immutable = Is(IsImmutable);
        return
        [
            Check("Commands are immutable", TypesIn(module, Root(module)).And().ImplementInterface(typeof(ICommand<>)),
                types => types.Should().MeetCustomRule(immutable)),
            Check("Queries are immutable", TypesIn(module, Root(module)).And().ImplementInterface(typeof(IQuery<>)),
                types => types.Should().MeetCustomRule(immutable)),
            Check("Integration events are immutable", IntegrationEventTypes(module),
                types => types.Should().MeetCustomRule(immutable), maySelectNothing: true),
        ];
    }

    private static IReadOnlyList<RuleResult> IntegrationEvents(ModuleUnderTest module) =>
    [
        Check("Integration events end with IntegrationEvent", IntegrationEventTypes(module),
            types => types.Should().HaveNameEndingWith("IntegrationEvent", StringComparison.Ordinal), maySelectNothing: true),
        Check("Integration events live in Contracts", IntegrationEventTypes(module),
            types => types.Should().MeetCustomRule(InNamespace(Part(module, "Contracts"))), maySelectNothing: true),
    ];

    private static IReadOnlyList<RuleResult> Encapsulation(ModuleUnderTest module)
    {
        PredicateList Main() => TypesIn(module, Root(module), Part(module, "Domain|Contracts"));
        var consumers = new Regex($@"^{Regex.Escape(module.RootNamespace)}\.(.+\.)?IntegrationEventHandlers(\.|$)");
        var consumerNamespace = InNamespace(consumers);
        var mayBePublic = Is(type =>
            Implements(type, typeof(IModule).FullName!)
            || Implements(type, typeof(ICommand<>).FullName!)
            || Implements(type, typeof(IQuery<>).FullName!)
            || type.Name.EndsWith("Dto", StringComparison.Ordinal)
            || (type.IsClass && consumerNamespace.MeetsRule(type)));
        return
        [
            Check("Only the module, commands, queries, DTOs and consumers are public",
                Main().And().MeetCustomRule(Is(IsVisibleOutsideAssembly)),
                types => types.Should().MeetCustomRule(mayBePublic)),
            Check("DbContexts are internal", Main().And().Inherit(typeof(DbContext)), types => types.Should().NotBePublic()),
        ];
    }

    private static IReadOnlyList<RuleResult> Naming(ModuleUnderTest module) =>
    [
        Check("Business rules end with Rule", TypesIn(module, Root(module)).And().ImplementInterface(typeof(IBusinessRule)),
            types => types.Should().HaveNameEndingWith("Rule", StringComparison.Ordinal), maySelectNothing: true),
        Check("Interfaces start with I", TypesIn(module, Root(module)).And().AreInterfaces(),
            types => types.Should().HaveNameStartingWith("I", StringComparison.Ordinal), maySelectNothing: true),
    ];

    private static IReadOnlyList<RuleResult> DiscordAdapterAccess(ModuleUnderTest module) =>
    [
        Check("Only module infrastructure uses the Discord adapter",
            TypesIn(module, Root(module), Part(module, "Infrastructure")),
            types => types.ShouldNot().HaveDependencyOn(DiscordAdapter)),
    ];

    private static RuleResult Check(
        string rule, PredicateList selection, Func<PredicateList, ConditionList> condition, bool maySelectNothing = false) =>
        new(rule, selection.GetTypes().Count(), maySelectNothing, condition(selection).GetResult().FailingTypeNames ?? []);

    private static PredicateList IntegrationEventTypes(ModuleUnderTest module) =>
        TypesIn(module, Root(module)).And().MeetCustomRule(Is(IsIntegrationEvent));

    private static PredicateList TypesIn(ModuleUnderTest module, Regex include, Regex? exclude = null) =>
        // A plugin's own dependencies sit beside it, not beside the tests: let the reader resolve them there.
        Types.InAssemblies(module.Assemblies, module.Assemblies.Select(a => Path.GetDirectoryName(a.Location)!).Distinct())
            .That().MeetCustomRule(InNamespace(include, exclude));

    private static Regex Root(ModuleUnderTest module) => Anchored(module.RootNamespace);

    /// <param name="part">One namespace segment below the root, or an alternation such as <c>Domain|Contracts</c>.</param>
    private static Regex Part(ModuleUnderTest module, string part) => new($@"^{Regex.Escape(module.RootNamespace)}\.({part})(\.|$)");

    private static Regex Anchored(string @namespace) => new($@"^{Regex.Escape(@namespace)}(\.|$)");

    private static bool InPart(ModuleUnderTest module, string part, Type type) => Part(module, part).IsMatch(type.Namespace ?? string.Empty);

    private static bool IsIntegrationEventType(Type type) => type.GetInterfaces().Any(i => i.FullName == IntegrationEventInterface);

    /// <summary>
    /// Full names of the module's top-level types that pass <paramref name="keep"/>; NetArchTest matches a type name
    /// as a namespace prefix, so each also covers the types nested in it.
    /// </summary>
    private static string[] TopLevelTypeNames(ModuleUnderTest module, Func<Type, bool> keep) =>
        module.Assemblies.SelectMany(assembly => assembly.GetTypes())
            .Where(type => !type.IsNested && Root(module).IsMatch(type.Namespace ?? string.Empty) && keep(type))
            .Select(type => type.FullName!)
            .ToArray();
}
