namespace FocusBot.Domain.Questions;

/// <summary>The question bank the pulses draw from.</summary>
public interface IQuestionStore
{
    Task<Question?> GetAsync(string questionId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Question>> ListAsync(bool includeInactive, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the whole bank with <paramref name="questions"/>, all or nothing: an import that fails (duplicate ids,
    /// a write error) leaves the previous bank exactly as it was.
    /// </summary>
    Task ReplaceBankAsync(IReadOnlyList<Question> questions, CancellationToken cancellationToken);

    /// <summary>Adds a question or replaces the one with the same id.</summary>
    Task UpsertAsync(Question question, CancellationToken cancellationToken);

    /// <summary>Number of questions in the bank, active or not.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);
}
