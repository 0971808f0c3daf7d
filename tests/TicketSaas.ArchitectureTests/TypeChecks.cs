using System.Text.RegularExpressions;
using Mono.Cecil;
using NetArchTest.Rules;

namespace TicketSaas.ArchitectureTests;

/// <summary>Predicates and conditions NetArchTest 1.3.2 lacks or gets subtly wrong for our rules.</summary>
internal static class TypeChecks
{
    /// <summary>Matched by full name: the interface may come from BuildingBlocks or, in the fixture, a stand-in.</summary>
    public const string IntegrationEventInterface = "TicketSaas.BuildingBlocks.Application.Messaging.IIntegrationEvent";

    public static ICustomRule Is(Func<TypeDefinition, bool> check) => new Check(check);

    /// <summary>
    /// The namespace of the outermost declaring type. NetArchTest's own namespace predicates read a nested internal
    /// type's namespace as empty (TypeDefinitionExtensions.GetNamespace), so such types would escape every rule.
    /// </summary>
    public static ICustomRule InNamespace(Regex include, Regex? exclude = null) => Is(type =>
    {
        var outermost = type;
        while (outermost.DeclaringType is not null)
        {
            outermost = outermost.DeclaringType;
        }

        return include.IsMatch(outermost.Namespace) && exclude?.IsMatch(outermost.Namespace) != true;
    });

    public static bool IsIntegrationEvent(TypeDefinition type) =>
        SelfAndBaseTypes(type).Any(t => t.Interfaces.Any(i => i.InterfaceType.FullName == IntegrationEventInterface));

    /// <summary>
    /// Nothing can change after construction: every setter is init-only and every field readonly. NetArchTest's
    /// BeImmutable() counts <c>init</c> as a public setter, which would fail every positional record.
    /// </summary>
    public static bool IsImmutable(TypeDefinition type) =>
        type.Properties.All(p => p.SetMethod is null || IsInitOnly(p.SetMethod))
        && type.Fields.All(f => f.IsInitOnly || f.IsLiteral);

    /// <summary>Public all the way out: a public type nested in an internal one is not part of the assembly's API.</summary>
    public static bool IsVisibleOutsideAssembly(TypeDefinition type) =>
        type.IsNested ? type.IsNestedPublic && IsVisibleOutsideAssembly(type.DeclaringType) : type.IsPublic;

    public static bool Implements(TypeDefinition type, string interfaceFullNameWithoutArguments) =>
        SelfAndBaseTypes(type).Any(t => t.Interfaces.Any(i => DefinitionName(i.InterfaceType) == interfaceFullNameWithoutArguments));

    public static bool ImplementsAnyInterfaceFrom(TypeDefinition type, string @namespace) =>
        SelfAndBaseTypes(type).Any(t => t.Interfaces.Any(i => i.InterfaceType.Namespace == @namespace));

    private static bool IsInitOnly(MethodDefinition setter) =>
        setter.ReturnType is RequiredModifierType { ModifierType.FullName: "System.Runtime.CompilerServices.IsExternalInit" };

    private static string DefinitionName(TypeReference type) => type is GenericInstanceType generic ? generic.ElementType.FullName : type.FullName;

    private static IEnumerable<TypeDefinition> SelfAndBaseTypes(TypeDefinition type)
    {
        for (TypeDefinition? current = type; current is not null; current = current.BaseType?.Resolve())
        {
            yield return current;
        }
    }

    private sealed class Check(Func<TypeDefinition, bool> check) : ICustomRule
    {
        public bool MeetsRule(TypeDefinition type) => check(type);
    }
}
