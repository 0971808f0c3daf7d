namespace TicketSaas.BuildingBlocks.Application.Errors;

/// <summary>The caller is known but may not do this.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
