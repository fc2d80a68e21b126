using FocusBot.Domain.Answers;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;

namespace FocusBot.Pulses;

/// <summary>One stored answer and the one it replaced (null for a first answer), whose contribution must be taken back.</summary>
public sealed record AnswerChange(Question Question, Answer? Previous, Answer Current);

/// <summary>Told about every delivered pulse and every stored answer; the trend aggregates listen here.</summary>
public interface IPulseListener
{
    /// <summary>
    /// One submission by one respondent: every answer it stored, together, so the listener moves them at once, and
    /// <paramref name="unchanged"/>, the respondent's answers to the pulse's other questions as they stand (the caller has
    /// just read them; passing them spares a second read on the hot path).
    /// </summary>
    Task OnAnswersAsync(Pulse pulse, IReadOnlyList<AnswerChange> changes, IReadOnlyList<(Question Question, Answer Answer)> unchanged,
        CancellationToken cancellationToken);

    /// <summary>One more person was sent the pulse; <paramref name="teamIds"/> are their teams.</summary>
    Task OnDeliveredAsync(Pulse pulse, IReadOnlyList<string> teamIds, CancellationToken cancellationToken);
}
