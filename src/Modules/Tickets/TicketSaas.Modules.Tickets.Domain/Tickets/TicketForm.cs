using TicketSaas.Modules.Tickets.Domain.Categories;

namespace TicketSaas.Modules.Tickets.Domain.Tickets;

/// <summary>What a member submitted for one question: typed text, or the chosen values of a select.</summary>
public sealed record SubmittedField(int QuestionIndex, string? Text, IReadOnlyList<string>? Choices);

public enum FormProblem
{
    /// <summary>The submission does not answer the category's current questions (the form changed, or it was forged).</summary>
    FormChanged,
    Required,
    TooShort,
    TooLong,
    UnknownChoice,
}

/// <summary>A submitted answer Discord's client should have refused: Discord's own checks ran on an older form, or none ran.</summary>
public sealed record FormError(FormProblem Problem, string Question, int Limit = 0);

/// <summary>Checks a modal submission against the category's form and turns it into stored answers.</summary>
public static class TicketForm
{
    public static (IReadOnlyList<FormAnswer> Answers, IReadOnlyList<FormError> Errors) Read(
        IReadOnlyList<FormQuestion> questions, IReadOnlyList<SubmittedField> fields)
    {
        var byIndex = fields.GroupBy(f => f.QuestionIndex).ToDictionary(g => g.Key, g => g.First());
        if (byIndex.Count != fields.Count || byIndex.Keys.Any(i => i < 0 || i >= questions.Count))
        {
            return ([], [new FormError(FormProblem.FormChanged, "")]);
        }

        var answers = new List<FormAnswer>();
        var errors = new List<FormError>();
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            var field = byIndex.GetValueOrDefault(i);
            if (field is not null && (question.Style == FormQuestionStyle.Select) != (field.Choices is not null))
            {
                return ([], [new FormError(FormProblem.FormChanged, question.Label)]);
            }

            var answer = question.Style == FormQuestionStyle.Select
                ? ReadChoice(question, field?.Choices ?? [], errors)
                : ReadText(question, field?.Text?.Trim() ?? "", errors);
            if (answer.Length > 0)
            {
                answers.Add(new FormAnswer(question.Label, answer));
            }
        }

        return errors.Count > 0 ? ([], errors) : (answers, []);
    }

    private static string ReadText(FormQuestion question, string text, List<FormError> errors)
    {
        if (text.Length == 0)
        {
            if (question.Required)
            {
                errors.Add(new FormError(FormProblem.Required, question.Label));
            }

            return text;
        }

        if (text.Length < (question.MinLength ?? 0))
        {
            errors.Add(new FormError(FormProblem.TooShort, question.Label, question.MinLength!.Value));
        }

        var max = question.MaxLength ?? FormQuestion.MaxTextLength;
        if (text.Length > max)
        {
            errors.Add(new FormError(FormProblem.TooLong, question.Label, max));
        }

        return text;
    }

    private static string ReadChoice(FormQuestion question, IReadOnlyList<string> choices, List<FormError> errors)
    {
        if (choices.Count == 0)
        {
            if (question.Required)
            {
                errors.Add(new FormError(FormProblem.Required, question.Label));
            }

            return "";
        }

        var chosen = choices.Select(value => question.Options.FirstOrDefault(o => o.Value == value)).ToList();
        if (choices.Count > 1 || chosen.Any(o => o is null))
        {
            errors.Add(new FormError(FormProblem.UnknownChoice, question.Label));
            return "";
        }

        return chosen[0]!.Label;
    }
}
