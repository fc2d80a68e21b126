namespace FocusBot.Domain.Questions;

/// <summary>What a question bank must be before it replaces the stored one, so a bad import fails before anything changes.</summary>
public static class QuestionBank
{
    /// <summary>Throws <see cref="ArgumentException"/> unless every question has an id and no id appears twice.</summary>
    public static void EnsureValid(IReadOnlyList<Question> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            ArgumentNullException.ThrowIfNull(question, nameof(questions));
            if (string.IsNullOrEmpty(question.Id))
            {
                throw new ArgumentException("Every question needs an id.", nameof(questions));
            }

            if (!ids.Add(question.Id))
            {
                throw new ArgumentException($"The question id '{question.Id}' appears more than once in the bank.", nameof(questions));
            }
        }
    }
}
