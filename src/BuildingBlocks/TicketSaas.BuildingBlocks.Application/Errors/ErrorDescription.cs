using FluentValidation;
using TicketSaas.BuildingBlocks.Domain;

namespace TicketSaas.BuildingBlocks.Application.Errors;

/// <summary>
/// The one error model: what went wrong, said once, so the API can render it as RFC 7807 problem details
/// and the bot as an ephemeral reply. Unknown exceptions are described without leaking their message.
/// </summary>
public sealed record ErrorDescription(
    int Status,
    string Code,
    string Title,
    string Detail,
    IReadOnlyDictionary<string, string[]> FieldErrors)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoFields = new Dictionary<string, string[]>();

    public static ErrorDescription Of(Exception exception) => exception switch
    {
        ValidationException validation => new(400, "validation", "One or more fields are invalid.",
            string.Join(" ", validation.Errors.Select(e => e.ErrorMessage).Distinct()),
            validation.Errors
                .GroupBy(e => e.PropertyName)
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())),
        BusinessRuleViolationException rule => new(422, rule.Code, "The request breaks a business rule.", rule.Message, NoFields),
        NotFoundException notFound => new(404, "not-found", "Not found.", notFound.Message, NoFields),
        ConflictException conflict => new(409, "conflict", "Conflict.", conflict.Message, NoFields),
        ForbiddenException forbidden => new(403, forbidden.Code, "Forbidden.", forbidden.Message, NoFields),
        UnavailableException unavailable => new(503, "unavailable", "A service we depend on is unavailable.", unavailable.Message, NoFields),
        _ => new(500, "unexpected", "Something went wrong on our side.",
            "The request could not be completed. It has been logged; please try again.", NoFields),
    };
}
