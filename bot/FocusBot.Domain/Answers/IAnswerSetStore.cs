namespace FocusBot.Domain.Answers;

/// <summary>
/// Answer sets as wholes, for retention: a set is every raw row filed under one pulse id (a pulse's, or a week's "one
/// thing" comments, <see cref="Pulses.VoicePulses"/>): the answers and comments, the trend recorder's counted records
/// (<see cref="ICountedAnswersStore"/>) and the "answered" markers (<see cref="Pulses.IAnsweredMarkStore"/>).
/// </summary>
public interface IAnswerSetStore
{
    /// <summary>The ids of the answer sets of every tenant that may still hold rows, in no particular order.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every row filed under the set, a bounded batch at a time, so answers to other sets keep being stored
    /// meanwhile. What finds the rows goes last, so a deletion cut short is finished by calling it again; calling it
    /// for a set that has nothing left changes nothing.
    /// </summary>
    Task<AnswerSetDeletion> DeleteAsync(string answerSetId, CancellationToken cancellationToken);
}

/// <summary>How many rows a deletion removed, by kind: counts only, which is all retention logs.</summary>
public sealed record AnswerSetDeletion(int Answers, int CountedAnswers, int AnsweredMarks)
{
    public static readonly AnswerSetDeletion None = new(0, 0, 0);

    public bool IsEmpty => Answers == 0 && CountedAnswers == 0 && AnsweredMarks == 0;

    public static AnswerSetDeletion operator +(AnswerSetDeletion left, AnswerSetDeletion right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Answers + right.Answers, left.CountedAnswers + right.CountedAnswers, left.AnsweredMarks + right.AnsweredMarks);
    }
}
