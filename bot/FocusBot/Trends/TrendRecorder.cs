using FocusBot.Domain.Aggregates;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;
using FocusBot.Pulses;

namespace FocusBot.Trends;

/// <summary>
/// Keeps the trend aggregates up to date as answers and deliveries happen, so reports never scan raw answers. The
/// pulse feature calls it right after storing an answer (with the answer it replaced) and after each delivery.
/// </summary>
public sealed partial class TrendRecorder(IAnswerStore answers, IQuestionStore questions, IAggregateStore aggregates, ILogger<TrendRecorder> logger)
    : IPulseListener
{
    /// <summary>
    /// The pulse feature's notification: one respondent's submission, moved in one go. Their other answers to the pulse
    /// are read from the store, so "people" and "answered" count a person once per pulse whichever question came first.
    /// </summary>
    public async Task OnAnswersAsync(Pulse pulse, IReadOnlyList<AnswerChange> changes, IReadOnlyList<(Question Question, Answer Answer)> unchanged,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(unchanged);
        if (changes.Count == 0)
            return;
        var changed = changes.Select(c => c.Question.Id).ToHashSet(StringComparer.Ordinal);
        var others = unchanged.Where(o => !changed.Contains(o.Question.Id)).ToList();
        var after = TrendContributions.OfRespondent(pulse, [.. others, .. changes.Select(c => (c.Question, c.Current))]);
        var before = TrendContributions.OfRespondent(pulse, [.. others, .. changes.Where(c => c.Previous is not null).Select(c => (c.Question, c.Previous!))]);
        var deltas = TrendContributions.ToDeltas(pulse.TenantId, TrendContributions.Difference(after, before));
        if (deltas.Count > 0)
            await aggregates.ApplyDeltasAsync(deltas, cancellationToken);
        LogRecorded(logger, deltas.Count);
    }

    public Task OnDeliveredAsync(Pulse pulse, IReadOnlyList<string> teamIds, CancellationToken cancellationToken) =>
        RecordDeliveredAsync(pulse, teamIds, cancellationToken);

    /// <summary>
    /// One answer stored on its own rather than in a pulse submission (seeded data does this): reads the respondent's
    /// other answers to the pulse and moves their contribution from <paramref name="previous"/> to
    /// <paramref name="current"/> as a submission would.
    /// </summary>
    public async Task RecordAnswerAsync(Pulse pulse, Question question, Answer? previous, Answer current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(current);
        var others = await OtherAnswersAsync(pulse, current, cancellationToken);
        await OnAnswersAsync(pulse, [new AnswerChange(question, previous, current)], others, cancellationToken);
    }

    /// <summary>One more person was sent the pulse: the participation denominator of the organisation and their teams.</summary>
    public Task RecordDeliveredAsync(Pulse pulse, IReadOnlyList<string> teamIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        ArgumentNullException.ThrowIfNull(teamIds);
        return aggregates.ApplyDeltasAsync(TrendContributions.ToDeltas(pulse.TenantId, TrendContributions.OfDelivery(pulse, teamIds)), cancellationToken);
    }

    private async Task<List<(Question, Answer)>> OtherAnswersAsync(Pulse pulse, Answer current, CancellationToken cancellationToken)
    {
        var ids = pulse.QuestionIds.Where(id => id != current.QuestionId).Distinct(StringComparer.Ordinal).ToList();
        var found = await Task.WhenAll(ids.Select(async id =>
        {
            var answer = await answers.GetAsync(pulse.Id, id, current.RespondentPseudonym, cancellationToken);
            return answer is null ? ((Question, Answer)?)null
                : await questions.GetAsync(id, cancellationToken) is { } question ? (question, answer) : null;
        }));
        return [.. found.Where(pair => pair is not null).Select(pair => pair!.Value)];
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Trend aggregates moved: {Cells} cell(s)")]
    private static partial void LogRecorded(ILogger logger, int cells);
}
