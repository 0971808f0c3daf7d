namespace TicketSaas.BuildingBlocks.Application.Errors;

/// <summary>The caller is known but may not do this.</summary>
/// <param name="code">Names the refusal, so that a host can say it in the caller's language.</param>
public sealed class ForbiddenException(string message, string code = "forbidden") : Exception(message)
{
    public string Code { get; } = code;
}
