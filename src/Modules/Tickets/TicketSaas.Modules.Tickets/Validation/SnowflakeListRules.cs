using FluentValidation;

namespace TicketSaas.Modules.Tickets.Validation;

internal static class SnowflakeListRules
{
    /// <summary>A list of Discord ids: given, at most <paramref name="max"/>, none zero, none twice.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<ulong>?> SnowflakeList<T>(this IRuleBuilder<T, IReadOnlyList<ulong>?> rule, int max) =>
        rule.NotNull()
            .Must(ids => ids is null || ids.Count <= max).WithMessage($"{{PropertyName}} holds at most {max} ids.")
            .Must(ids => ids is null || !ids.Contains(0UL)).WithMessage("{PropertyName} contains 0, which is no Discord id.")
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("{PropertyName} lists an id twice.");
}
