namespace TicketSaas.BuildingBlocks.Application.Messaging;

/// <summary>
/// The event's wire name, <c>"&lt;module&gt;.&lt;event&gt;.v&lt;N&gt;"</c>: stored in outboxes and used to read
/// events back, so types can move between namespaces without losing messages in flight.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IntegrationEventNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
