using System.Reflection;
using System.Text.Json;
using TicketSaas.BuildingBlocks.Application.Auditing;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;

namespace TicketSaas.BuildingBlocks.Infrastructure.Messaging;

/// <summary>Maps stable event names to types and back, for every event the enabled modules can send or receive.</summary>
public sealed class IntegrationEventTypes
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private readonly Dictionary<string, Type> _byName;
    private readonly Dictionary<Type, string> _byType;

    public IntegrationEventTypes(ModuleCatalog catalog)
    {
        var assemblies = catalog.Enabled
            .SelectMany(m => m.Assemblies)
            .SelectMany(a => a.GetReferencedAssemblies()
                .Where(r => r.Name?.EndsWith(".Contracts", StringComparison.Ordinal) == true)
                .Select(Assembly.Load)
                .Prepend(a))
            .Append(typeof(AuditRecordedIntegrationEvent).Assembly)
            .Distinct();
        var events = assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IIntegrationEvent).IsAssignableFrom(t))
            .Select(t => (Type: t, Name: t.GetCustomAttribute<IntegrationEventNameAttribute>()?.Name
                ?? throw new InvalidOperationException($"{t.FullName} has no [IntegrationEventName].")))
            .ToList();
        var duplicate = events.GroupBy(e => e.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Integration event name '{duplicate.Key}' is used by {string.Join(" and ", duplicate.Select(e => e.Type.FullName))}.");
        }

        _byName = events.ToDictionary(e => e.Name, e => e.Type);
        _byType = events.ToDictionary(e => e.Type, e => e.Name);
    }

    public IEnumerable<Type> All => _byType.Keys;

    public string NameOf(Type eventType) =>
        _byType.TryGetValue(eventType, out var name)
            ? name
            : throw new InvalidOperationException($"{eventType.FullName} is not an integration event of an enabled module.");

    public string Serialize(IIntegrationEvent integrationEvent) =>
        JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), Json);

    /// <summary>Null when no enabled module knows the name (an event of a removed or switched-off module).</summary>
    public IIntegrationEvent? Deserialize(string name, string payload) =>
        _byName.TryGetValue(name, out var type) ? (IIntegrationEvent?)JsonSerializer.Deserialize(payload, type, Json) : null;
}
