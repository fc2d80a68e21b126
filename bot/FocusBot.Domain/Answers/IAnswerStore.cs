namespace FocusBot.Domain.Answers;

/// <summary>
/// Answers, unique per pulse, question and respondent pseudonym: a later answer replaces the earlier one. Answers
/// belong to a pulse stored in <see cref="Pulses.IPulseStore"/>.
/// </summary>
public interface IAnswerStore
{
    /// <summary>
    /// Stores the answer and returns, atomically, the one it replaced (null when it is the first), so aggregates can move
    /// the respondent's contribution exactly once even when two answers race. The stored revision is the previous + 1.
    /// </summary>
    Task<Answer?> UpsertAsync(Answer answer, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the answer only when the respondent has none to that question yet, atomically: returns null when it was
    /// stored, or the answer already there (left unchanged). Of two racing first answers exactly one is kept, which is
    /// what makes "the first quiz answer counts" hold.
    /// </summary>
    Task<Answer?> InsertIfAbsentAsync(Answer answer, CancellationToken cancellationToken);

    /// <summary>
    /// Stores many answers of one pulse in batches; returns the replaced answer (or null) for each input, in order.
    /// Each (question, respondent) may appear once.
    /// </summary>
    Task<IReadOnlyList<Answer?>> UpsertManyAsync(string pulseId, IReadOnlyList<Answer> answers, CancellationToken cancellationToken);

    Task<Answer?> GetAsync(string pulseId, string questionId, string respondentPseudonym, CancellationToken cancellationToken);

    /// <summary>Every answer of a pulse, streamed in no particular order.</summary>
    IAsyncEnumerable<Answer> ListByPulseAsync(string pulseId, CancellationToken cancellationToken);

    IAsyncEnumerable<Answer> ListByRespondentAsync(string respondentPseudonym, CancellationToken cancellationToken);
}
