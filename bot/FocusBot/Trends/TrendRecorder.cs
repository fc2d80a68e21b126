using FocusBot.Domain.Aggregates;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;
using FocusBot.Pulses;

namespace FocusBot.Trends;

/// <summary>
/// Keeps the trend aggregates up to date as answers and deliveries happen, so reports never scan raw answers. The
/// pulse feature calls it right after storing an answer and after each delivery.
/// </summary>
public sealed partial class TrendRecorder(IAnswerStore answers, IQuestionStore questions, IAggregateStore aggregates, ICountedAnswersStore counted,
    ILogger<TrendRecorder> logger) : IPulseListener
{
    private const int MaxRaceAttempts = 20;

    /// <summary>
    /// The pulse feature's notification that a respondent's answers changed. Idempotent under any concurrency and
    /// repetition: it reads what has been counted for the respondent (with its ETag), then their answers as stored now,
    /// and moves the aggregates by the difference only after a conditional write of the new "counted" record succeeds; a
    /// lost race starts again. Every caller stored its answers before reading, so the last successful write has seen all
    /// of them and the aggregates hold exactly one contribution per person. <paramref name="changes"/> name the
    /// respondent; their previous values are not trusted (a concurrent submission may have moved them).
    /// </summary>
    public async Task OnAnswersAsync(Pulse pulse, IReadOnlyList<AnswerChange> changes, IReadOnlyList<(Question Question, Answer Answer)> unchanged,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(unchanged);
        if (changes.Count == 0)
            return;
        var known = new Dictionary<string, Question>(StringComparer.Ordinal);
        foreach (var question in changes.Select(c => c.Question).Concat(unchanged.Select(u => u.Question)))
            known.TryAdd(question.Id, question);
        await RecordRespondentAsync(pulse, changes[0].Current.RespondentPseudonym, known, cancellationToken);
    }

    /// <summary>Brings the aggregates to the respondent's stored answers to the pulse, counting them once (see <see cref="OnAnswersAsync"/>).</summary>
    public async Task RecordRespondentAsync(Pulse pulse, string respondentPseudonym, IDictionary<string, Question> known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        ArgumentNullException.ThrowIfNull(known);
        for (var attempt = 0; attempt < MaxRaceAttempts; attempt++)
        {
            var before = await counted.GetAsync(pulse.Id, respondentPseudonym, cancellationToken);
            var current = await CurrentAnswersAsync(pulse, respondentPseudonym, known, cancellationToken);
            var delta = TrendContributions.Difference(
                TrendContributions.OfRespondent(pulse, current),
                TrendContributions.OfRespondent(pulse, before?.AsAnswers(pulse, known) ?? []));
            var next = current.ToDictionary(a => a.Question.Id, a => new CountedAnswer(a.Answer.Value, a.Answer.TeamIds), StringComparer.Ordinal);
            if (before is not null && SameAnswers(before.Answers, next))
                return; // already counted: a replay, or a concurrent submission counted this one too
            var written = await counted.TryWriteAsync(
                new CountedAnswers { PulseId = pulse.Id, RespondentPseudonym = respondentPseudonym, TenantId = pulse.TenantId, Answers = next, ETag = before?.ETag },
                cancellationToken);
            if (written is null)
                continue; // someone else counted meanwhile: start again from what they wrote

            // After the write: a crash here under-counts one person until a rebuild, never counts them twice.
            var deltas = TrendContributions.ToDeltas(pulse.TenantId, delta);
            if (deltas.Count > 0)
                await aggregates.ApplyDeltasAsync(deltas, cancellationToken);
            LogRecorded(logger, deltas.Count);
            return;
        }

        LogGaveUp(logger);
    }

    public Task OnDeliveredAsync(Pulse pulse, IReadOnlyList<string> teamIds, CancellationToken cancellationToken) =>
        RecordDeliveredAsync(pulse, teamIds, cancellationToken);

    /// <summary>
    /// One answer stored on its own rather than in a pulse submission (seeded data does this): counted as a submission
    /// would be (the counted record says what was counted before, so the answer it replaced is not needed).
    /// </summary>
    public Task RecordAnswerAsync(Pulse pulse, Question question, Answer current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(current);
        return RecordRespondentAsync(pulse, current.RespondentPseudonym, new Dictionary<string, Question>(StringComparer.Ordinal) { [question.Id] = question }, cancellationToken);
    }

    /// <summary>One more person was sent the pulse: the participation denominator of the organisation and their teams.</summary>
    public Task RecordDeliveredAsync(Pulse pulse, IReadOnlyList<string> teamIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        ArgumentNullException.ThrowIfNull(teamIds);
        return aggregates.ApplyDeltasAsync(TrendContributions.ToDeltas(pulse.TenantId, TrendContributions.OfDelivery(pulse, teamIds)), cancellationToken);
    }

    // Read fresh, after the caller stored its own: never the caller's view, which a concurrent submission may have outdated.
    private async Task<List<(Question Question, Answer Answer)>> CurrentAnswersAsync(Pulse pulse, string respondentPseudonym, IDictionary<string, Question> known,
        CancellationToken cancellationToken)
    {
        var found = await Task.WhenAll(pulse.QuestionIds.Distinct(StringComparer.Ordinal).Select(id => answers.GetAsync(pulse.Id, id, respondentPseudonym, cancellationToken)));
        var current = new List<(Question, Answer)>();
        foreach (var answer in found.OfType<Answer>())
        {
            if (!known.TryGetValue(answer.QuestionId, out var question) && await questions.GetAsync(answer.QuestionId, cancellationToken) is { } read)
                known[answer.QuestionId] = question = read;
            if (question is not null)
                current.Add((question, answer));
        }

        return current;
    }

    private static bool SameAnswers(IReadOnlyDictionary<string, CountedAnswer> a, Dictionary<string, CountedAnswer> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var other) && other.Value == pair.Value.Value && other.TeamIds.SequenceEqual(pair.Value.TeamIds));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trend aggregates not moved: the respondent's counted record kept changing; a rebuild corrects it")]
    private static partial void LogGaveUp(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Trend aggregates moved: {Cells} cell(s)")]
    private static partial void LogRecorded(ILogger logger, int cells);
}
