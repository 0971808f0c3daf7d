namespace TicketSaas.BuildingBlocks.Domain;

/// <summary>An invariant of the domain, checked by the aggregate that owns it.</summary>
public interface IBusinessRule
{
    /// <summary>A stable, machine-readable code such as <c>tickets.category-limit</c>.</summary>
    string Code { get; }

    string Message { get; }

    bool IsBroken();
}
