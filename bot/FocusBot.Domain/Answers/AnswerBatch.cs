namespace FocusBot.Domain.Answers;

/// <summary>What a batch of answers stored together must be, so a bad batch fails before anything changes.</summary>
public static class AnswerBatch
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless every answer belongs to <paramref name="pulseId"/> and each question
    /// and respondent pair appears once.
    /// </summary>
    public static void EnsureOnePulse(string pulseId, IReadOnlyList<Answer> answers)
    {
        ArgumentException.ThrowIfNullOrEmpty(pulseId);
        ArgumentNullException.ThrowIfNull(answers);
        var keys = new HashSet<(string, string)>();
        foreach (var answer in answers)
        {
            if (!string.Equals(answer.PulseId, pulseId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Every answer must belong to pulse '{pulseId}'.", nameof(answers));
            }

            if (!keys.Add((answer.QuestionId, answer.RespondentPseudonym)))
            {
                throw new ArgumentException("A question and respondent pair may appear only once in a batch.", nameof(answers));
            }
        }
    }
}
