using System.Globalization;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Questions;

namespace FocusBot.Pulses;

/// <summary>The answer choices of each question kind, as stored values and the words people see.</summary>
public static class AnswerScales
{
    private static readonly string[] Agreement = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"];
    private static readonly string[] Frequency = ["Never", "Once", "2-3 times", "4 or more times"];

    /// <summary>(stored value, label) pairs; empty for free text.</summary>
    public static IReadOnlyList<(string Value, string Label)> ChoicesFor(Question question) => question.Kind switch
    {
        QuestionKind.Agreement => [.. Agreement.Select((label, i) => ((i + 1).ToString(CultureInfo.InvariantCulture), label))],
        QuestionKind.Frequency => [.. Frequency.Select((label, i) => (i.ToString(CultureInfo.InvariantCulture), label))],
        QuestionKind.Quiz => [.. question.Options.Select((label, i) => (i.ToString(CultureInfo.InvariantCulture), label))],
        QuestionKind.Advocacy => [.. Enumerable.Range(0, 11).Select(i => (i.ToString(CultureInfo.InvariantCulture),
            i switch { 0 => "0 - not at all likely", 10 => "10 - extremely likely", _ => i.ToString(CultureInfo.InvariantCulture) }))],
        _ => [],
    };

    /// <summary>Null when the value is acceptable for the question, else what is wrong with it.</summary>
    public static string? Validate(Question question, string value)
    {
        if (question.Kind == QuestionKind.FreeText)
            return value.Length > Answer.FreeTextMaxLength ? $"Please keep your answer under {Answer.FreeTextMaxLength} characters." : null;
        return ChoicesFor(question).Any(c => c.Value == value) ? null : "That answer is not one of the choices.";
    }

    public static string LabelOf(Question question, string value) =>
        question.Kind == QuestionKind.FreeText ? value : ChoicesFor(question).FirstOrDefault(c => c.Value == value).Label ?? value;
}
