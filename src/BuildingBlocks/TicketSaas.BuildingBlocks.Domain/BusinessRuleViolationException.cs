namespace TicketSaas.BuildingBlocks.Domain;

public sealed class BusinessRuleViolationException(IBusinessRule rule) : Exception(rule.Message)
{
    public string Code { get; } = rule.Code;
}
