using FocusBot.Domain.Aggregates;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Roster;

namespace FocusBot.Domain.Trends;

/// <summary>What a rebuild did, or why it did not run.</summary>
public sealed record RebuildResult(int Pulses, long Answers, long Deliveries, int PeriodsSealed, string? RefusedBecause = null)
{
    public bool Refused => RefusedBecause is not null;
}

/// <summary>
/// Recomputes a tenant's aggregates from the raw answers and the delivery ledger, then seals again every complete
/// period. It uses the same <see cref="TrendContributions"/> as the incremental path, so both give the same numbers.
/// Refused while a pulse is open: answers arriving during the rebuild could otherwise be counted twice.
/// </summary>
public sealed class TrendRebuilder(
    IPulseStore pulses,
    IAnswerStore answers,
    IQuestionStore questions,
    IDeliveryStore deliveries,
    IRosterStore roster,
    IAggregateStore aggregates,
    PrivacyGate gate)
{
    /// <summary>How many pulses a tenant can have; ListRecentAsync needs a bound.</summary>
    public const int MaxPulses = 100_000;

    public async Task<RebuildResult> RebuildAsync(string tenantId, CancellationToken cancellationToken)
    {
        var all = (await pulses.ListRecentAsync(MaxPulses, cancellationToken)).Where(p => p.TenantId == tenantId).OrderBy(p => p.OpensAt).ToList();
        if (all.Any(p => p.Status != PulseStatus.Closed && p.Status != PulseStatus.Scheduled))
            return new RebuildResult(0, 0, 0, 0, "a pulse is open; rebuild once it has closed, so no answer is counted twice");

        var bank = (await questions.ListAsync(includeInactive: true, cancellationToken)).ToDictionary(q => q.Id, StringComparer.Ordinal);
        var teamsOfUser = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        await aggregates.ClearAsync(tenantId, cancellationToken);
        long answerCount = 0;
        long deliveryCount = 0;
        foreach (var pulse in all.Where(p => p.Status == PulseStatus.Closed))
        {
            var (cells, pulseAnswers) = await ContributionsOfAnswersAsync(pulse, bank, cancellationToken);
            answerCount += pulseAnswers;
            await foreach (var delivery in deliveries.ListAsync(pulse.Id, null, cancellationToken))
            {
                if (delivery.Status is not (DeliveryStatus.Sent or DeliveryStatus.Answered))
                    continue;
                if (!teamsOfUser.TryGetValue(delivery.UserId, out var teams))
                    teamsOfUser[delivery.UserId] = teams = await roster.ListTeamsForUserAsync(tenantId, delivery.UserId, cancellationToken);
                TrendContributions.Accumulate(cells, TrendContributions.OfDelivery(pulse, teams));
                deliveryCount++;
            }

            await aggregates.ApplyDeltasAsync(TrendContributions.ToDeltas(tenantId, cells), cancellationToken);
        }

        var sealing = await gate.SealAsync(tenantId, all, cancellationToken);
        return new RebuildResult(all.Count(p => p.Status == PulseStatus.Closed), answerCount, deliveryCount, sealing.Sealed.Count);
    }

    /// <summary>The sum of every respondent's contribution to one pulse.</summary>
    public async Task<(Dictionary<CellId, long> Cells, long Answers)> ContributionsOfAnswersAsync(Pulse pulse, IReadOnlyDictionary<string, Question> bank,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        ArgumentNullException.ThrowIfNull(bank);
        var byRespondent = new Dictionary<string, List<(Question, Answer)>>(StringComparer.Ordinal);
        long count = 0;
        await foreach (var answer in answers.ListByPulseAsync(pulse.Id, cancellationToken))
        {
            if (answer.TenantId != pulse.TenantId || !bank.TryGetValue(answer.QuestionId, out var question))
                continue;
            if (!byRespondent.TryGetValue(answer.RespondentPseudonym, out var list))
                byRespondent[answer.RespondentPseudonym] = list = [];
            list.Add((question, answer));
            count++;
        }

        var cells = new Dictionary<CellId, long>();
        foreach (var respondentAnswers in byRespondent.Values)
            TrendContributions.Accumulate(cells, TrendContributions.OfRespondent(pulse, respondentAnswers));
        return (cells, count);
    }
}
