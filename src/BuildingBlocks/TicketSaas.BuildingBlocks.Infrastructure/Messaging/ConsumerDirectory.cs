using System.Reflection;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;

namespace TicketSaas.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// The consumers of each integration event in the enabled modules: public classes with a <c>Handle</c> or <c>Consume</c>
/// method taking the event. Each gets a Wolverine local queue of its own, named after it (<see cref="ConsumerName"/>).
/// </summary>
public sealed class ConsumerDirectory
{
    private readonly ILookup<Type, string> _consumersByEvent;

    public ConsumerDirectory(ModuleCatalog catalog)
    {
        Consumers = catalog.Enabled.SelectMany(m => m.Assemblies).Distinct().SelectMany(ConsumerTypes).ToList();
        _consumersByEvent = Consumers
            .SelectMany(consumer => HandledEvents(consumer).Select(evt => (evt, name: ConsumerName.Of(consumer))))
            .Distinct()
            .ToLookup(pair => pair.evt, pair => pair.name);
    }

    public IReadOnlyList<Type> Consumers { get; }

    public IReadOnlyList<string> ConsumersOf(Type eventType) => _consumersByEvent[eventType].ToList();

    private static IEnumerable<Type> ConsumerTypes(Assembly assembly) =>
        assembly.GetExportedTypes().Where(type => type is { IsClass: true, IsAbstract: false } && HandledEvents(type).Any());

    private static IEnumerable<Type> HandledEvents(Type consumer) =>
        consumer.GetMethods()
            .Where(method => method.Name is "Handle" or "Consume")
            .Select(method => method.GetParameters().FirstOrDefault()?.ParameterType)
            .OfType<Type>()
            .Where(typeof(IIntegrationEvent).IsAssignableFrom);
}
