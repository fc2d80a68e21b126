using System.Collections.Concurrent;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;

namespace FocusBot.Pulses;

/// <summary>
/// Reads pulses and their questions for the answer path, caching questions (they change only on import) so a burst of
/// answers does not reread the bank for every click.
/// </summary>
public sealed class PulseBank(IPulseStore pulses, IQuestionStore questions)
{
    private readonly ConcurrentDictionary<string, Question> _questions = new(StringComparer.Ordinal);

    public Task<Domain.Pulses.Pulse?> GetPulseAsync(string pulseId, CancellationToken cancellationToken) => pulses.GetAsync(pulseId, cancellationToken);

    /// <summary>The tenant's pulse that can be answered at <paramref name="now"/>, if any (the latest, should two overlap).</summary>
    public async Task<Domain.Pulses.Pulse?> OpenPulseAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await pulses.ListActiveAsync(cancellationToken))
            .Where(p => p.TenantId == tenantId && p.Status is PulseStatus.Sending or PulseStatus.Open && now < p.ClosesAt)
            .OrderByDescending(p => p.OpensAt).FirstOrDefault();

    public async Task<IReadOnlyList<Question>> QuestionsOfAsync(Domain.Pulses.Pulse pulse, CancellationToken cancellationToken)
    {
        var list = new List<Question>(pulse.QuestionIds.Count);
        foreach (var id in pulse.QuestionIds)
        {
            if (!_questions.TryGetValue(id, out var question))
            {
                question = await questions.GetAsync(id, cancellationToken);
                if (question is null)
                    continue;
                _questions[id] = question;
            }

            list.Add(question);
        }

        return list;
    }
}
