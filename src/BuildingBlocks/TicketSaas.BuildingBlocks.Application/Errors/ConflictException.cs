namespace TicketSaas.BuildingBlocks.Application.Errors;

/// <summary>Someone else changed or claimed the same thing first; retrying after a reload may succeed.</summary>
public sealed class ConflictException(string message, Exception? innerException = null) : Exception(message, innerException);
