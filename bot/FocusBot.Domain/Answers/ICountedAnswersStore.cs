namespace FocusBot.Domain.Answers;

/// <summary>
/// One <see cref="CountedAnswers"/> per pulse and respondent pseudonym. It holds answer values under the pseudonym, so
/// it is personal data: stores encrypt it at rest and erasure deletes it with the person's answers.
/// </summary>
public interface ICountedAnswersStore
{
    Task<CountedAnswers?> GetAsync(string pulseId, string respondentPseudonym, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the record when its ETag is null (and none exists), or replaces it when the stored one still has that
    /// ETag. Returns the stored record with its new ETag, or null when another writer got there first: read again.
    /// </summary>
    Task<CountedAnswers?> TryWriteAsync(CountedAnswers counted, CancellationToken cancellationToken);
}
