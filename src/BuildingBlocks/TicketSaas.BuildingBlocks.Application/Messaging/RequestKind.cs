namespace TicketSaas.BuildingBlocks.Application.Messaging;

/// <summary>Tells commands from queries once per request type.</summary>
public static class RequestKind<TRequest>
{
    public static bool IsCommand { get; } = typeof(TRequest).GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));
}
