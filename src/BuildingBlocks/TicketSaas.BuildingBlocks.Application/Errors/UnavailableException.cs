namespace TicketSaas.BuildingBlocks.Application.Errors;

/// <summary>A service we depend on (Discord) is not configured or did not answer; trying again later may succeed.</summary>
public sealed class UnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
