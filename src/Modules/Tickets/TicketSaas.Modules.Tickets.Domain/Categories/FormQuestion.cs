namespace TicketSaas.Modules.Tickets.Domain.Categories;

public enum FormQuestionStyle
{
    Short,
    Paragraph,
    Select,
}

/// <summary>
/// One question of a category's form, shown in the modal before a ticket opens. Text questions carry length limits,
/// select questions their options; the limits are Discord's (text input and string select).
/// </summary>
public sealed record FormQuestion(
    string Label,
    FormQuestionStyle Style,
    bool Required,
    string? Placeholder,
    int? MinLength,
    int? MaxLength,
    IReadOnlyList<FormQuestionOption> Options)
{
    public const int MaxQuestions = 5;
    public const int MaxLabelLength = 45;
    public const int MaxPlaceholderLength = 100;
    public const int MaxTextLength = 4000;
    public const int MaxOptions = 25;
    public const int MaxOptionLength = 100;
}

public sealed record FormQuestionOption(string Label, string Value);
