namespace TicketSaas.BuildingBlocks.Application.Messaging;

/// <summary>
/// A command that applies one integration event for one consumer. Its unit of work records the pair in the consuming
/// module's inbox in the same transaction as the effect, and skips the command when the pair is already there.
/// </summary>
public interface IConsumeCommand : ICommand<MediatR.Unit>
{
    Guid EventId { get; }

    /// <summary>The consumer's name: its Wolverine queue, see <see cref="ConsumerName"/>.</summary>
    string Consumer { get; }
}

public static class ConsumerName
{
    /// <summary>Wolverine names the local queue of a separated handler after the handler type, in lower case.</summary>
    public static string Of(Type handlerType) => handlerType.Name.ToLowerInvariant();
}
