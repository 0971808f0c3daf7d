namespace TicketSaas.BuildingBlocks.Application.Identity;

/// <summary>The caller of the request being handled: from the HTTP user in the API, from the interaction in the bot.</summary>
public interface ICallerAccessor
{
    Caller Caller { get; }
}
