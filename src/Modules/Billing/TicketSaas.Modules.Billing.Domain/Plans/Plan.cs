using TicketSaas.BuildingBlocks.Domain;

namespace TicketSaas.Modules.Billing.Domain.Plans;

/// <summary>
/// A subscription plan and what it allows. Null limits mean unlimited. The three built-in plans come from the
/// product's tiers (Free, Pro, Enterprise); platform admins tune their prices and limits.
/// </summary>
public sealed class Plan : Entity
{
    private Plan(string key, string name, int monthlyPriceCents, PlanLimits limits)
    {
        Key = key;
        Name = name;
        MonthlyPriceCents = monthlyPriceCents;
        Limits = limits;
    }

    private Plan()
    {
        Key = Name = string.Empty;
        Limits = null!;
    }

    public string Key { get; private set; }

    public string Name { get; private set; }

    public int MonthlyPriceCents { get; private set; }

    public PlanLimits Limits { get; private set; }

    public static IReadOnlyList<Plan> BuiltIn() =>
    [
        new("free", "Free", 0, new PlanLimits(TicketsPerMonth: 50, RetentionDays: 7, Panels: 1, CustomBot: false, CustomDomain: false, WhiteLabel: false)),
        new("pro", "Pro", 900, new PlanLimits(TicketsPerMonth: 500, RetentionDays: 30, Panels: 10, CustomBot: true, CustomDomain: false, WhiteLabel: false)),
        new("enterprise", "Enterprise", 4900, new PlanLimits(TicketsPerMonth: null, RetentionDays: 365, Panels: null, CustomBot: true, CustomDomain: true, WhiteLabel: true)),
    ];

    public void Change(string name, int monthlyPriceCents, PlanLimits limits)
    {
        Name = name;
        MonthlyPriceCents = monthlyPriceCents;
        Limits = limits;
    }
}

public sealed record PlanLimits(
    int? TicketsPerMonth,
    int RetentionDays,
    int? Panels,
    bool CustomBot,
    bool CustomDomain,
    bool WhiteLabel);
