using System.Collections.Concurrent;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;

namespace FocusBot.Pulses;

/// <summary>
/// Reads pulses, their questions and a respondent's answers for the answer path, caching questions (they change only on
/// import) so a burst of answers does not reread the bank for every click.
/// </summary>
public sealed class PulseBank(IPulseStore pulses, IQuestionStore questions, IAnswerStore answers, TimeProvider timeProvider)
{
    // Long enough to spare a burst of answers a read each, short enough that a status change shows within moments. Whether
    // a pulse is closed is decided by its fixed ClosesAt as well, so a cached status never lets a late answer in.
    private static readonly TimeSpan PulseCacheFor = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Question> _questions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (Pulse Pulse, DateTimeOffset ReadAt)> _pulses = new(StringComparer.Ordinal);
    // A reference, so a reader never sees a bank of one read with the time of another.
    private ActiveBank? _active;

    public async Task<Pulse?> GetPulseAsync(string pulseId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_pulses.TryGetValue(pulseId, out var cached) && now - cached.ReadAt < PulseCacheFor && now >= cached.ReadAt)
            return cached.Pulse;
        var pulse = await pulses.GetAsync(pulseId, cancellationToken);
        if (pulse is not null)
            _pulses[pulseId] = (pulse, now);
        return pulse;
    }

    /// <summary>The tenant's pulse that can be answered at <paramref name="now"/>, if any (the latest, should two overlap).</summary>
    public async Task<Pulse?> OpenPulseAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await pulses.ListActiveAsync(cancellationToken))
            .Where(p => p.TenantId == tenantId && p.Status is PulseStatus.Sending or PulseStatus.Open && now < p.ClosesAt)
            .OrderByDescending(p => p.OpensAt).FirstOrDefault();

    public async Task<IReadOnlyList<Question>> QuestionsOfAsync(Pulse pulse, CancellationToken cancellationToken)
    {
        var list = new List<Question>(pulse.QuestionIds.Count);
        foreach (var id in pulse.QuestionIds)
        {
            if (!_questions.TryGetValue(id, out var question))
            {
                // The Voice question of a bank that has none is never stored.
                question = await questions.GetAsync(id, cancellationToken) ?? (id == VoicePulses.FallbackQuestion.Id ? VoicePulses.FallbackQuestion : null);
                if (question is null)
                    continue;
                _questions[id] = question;
            }

            list.Add(question);
        }

        return list;
    }

    /// <summary>
    /// The bank's active questions by id, read again after a few seconds like the pulses: unlike a pulse's own questions,
    /// a question deactivated since must stop coming back for review.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Question>> ActiveQuestionsAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_active is { } cached && now - cached.ReadAt < PulseCacheFor && now >= cached.ReadAt)
            return cached.Bank;
        var bank = (await questions.ListAsync(includeInactive: false, cancellationToken)).ToDictionary(q => q.Id, StringComparer.Ordinal);
        _active = new ActiveBank(bank, now);
        return bank;
    }

    private sealed record ActiveBank(IReadOnlyDictionary<string, Question> Bank, DateTimeOffset ReadAt);

    /// <summary>The respondent's stored answers to the pulse, by question id, read side by side.</summary>
    public async Task<IReadOnlyDictionary<string, Answer>> AnswersOfAsync(Pulse pulse, IReadOnlyList<Question> questions,
        string pseudonym, CancellationToken cancellationToken)
    {
        var found = await Task.WhenAll(questions.Select(q => answers.GetAsync(pulse.Id, q.Id, pseudonym, cancellationToken)));
        return found.OfType<Answer>().ToDictionary(a => a.QuestionId, StringComparer.Ordinal);
    }

    /// <summary>The answers' values by question id, as the pulse card shows them.</summary>
    public static Dictionary<string, string> ValuesOf(IReadOnlyDictionary<string, Answer> answers) =>
        answers.ToDictionary(a => a.Key, a => a.Value.Value, StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="chosen"/> followed by the Voice question (the bank's first active one, or
    /// <see cref="VoicePulses.FallbackQuestion"/>) when Pulse:VoiceEvery says this pulse asks it (<see cref="VoiceCadence"/>).
    /// </summary>
    public static async Task<IReadOnlyList<string>> WithVoiceAsync(IPulseStore pulses, string tenantId, IReadOnlyList<string> chosen,
        IReadOnlyList<Question> bank, int voiceEvery, CancellationToken cancellationToken)
    {
        if (voiceEvery == 0)
            return chosen;
        var voiceIds = bank.Where(q => q.Dimension == QuestionDimension.Voice).Select(q => q.Id).Append(VoicePulses.FallbackQuestion.Id).ToHashSet(StringComparer.Ordinal);
        var recent = voiceEvery == 1
            ? []
            : (await pulses.ListRecentAsync((voiceEvery - 1) * 4, cancellationToken))
                .Where(p => p.TenantId == tenantId && !p.Id.StartsWith(VoicePulses.Prefix, StringComparison.Ordinal)).Take(voiceEvery - 1)
                .Select(p => p.QuestionIds.Any(voiceIds.Contains)).ToList();
        if (!VoiceCadence.IsDue(voiceEvery, recent))
            return chosen;
        var voice = bank.FirstOrDefault(q => q.Active && q.Dimension == QuestionDimension.Voice) ?? VoicePulses.FallbackQuestion;
        return [.. chosen, voice.Id];
    }
}
