using FocusBot.Domain.Aggregates;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Roster;

namespace FocusBot.Domain.Trends;

/// <summary>What a rebuild did, or why it did not run.</summary>
/// <param name="SealedPeriodsDiffering">Sealed periods whose stored figures differ from what the answers give now (after
/// an erasure, say). They are left as they were: a sealed figure never changes, or the change would reveal who left.</param>
/// <param name="RetiredBefore">The retention line, when some periods start before it: their raw answers are deleted, so
/// they were neither rebuilt nor compared, and keep their sealed figures.</param>
public sealed record RebuildResult(int Pulses, long Answers, long Deliveries, int PeriodsSealed, int SealedPeriodsDiffering = 0, string? RefusedBecause = null,
    DateOnly? RetiredBefore = null)
{
    public bool Refused => RefusedBecause is not null;
}

/// <summary>
/// Recomputes a tenant's figures from the raw answers and the delivery ledger, period by period: an unsealed period is
/// set to exactly what the answers give; a sealed one is only compared and counted when it differs, never rewritten
/// (sealed means final: a changed figure, after an erasure say, would reveal by difference whose answers went). Then it
/// seals every complete period. It uses the same <see cref="TrendContributions"/> as the incremental path, so both give
/// the same numbers. Refused while a pulse is open: answers arriving during the rebuild could otherwise be counted twice.
/// Periods starting before the retention line (<see cref="RawAnswerRetention"/>) are left alone, sealed or not: their raw
/// answers are deleted, in part or whole, so rebuilding them would set their figures to what little is left.
/// </summary>
public sealed class TrendRebuilder(
    IPulseStore pulses,
    IAnswerStore answers,
    IQuestionStore questions,
    IDeliveryStore deliveries,
    IRosterStore roster,
    IAggregateStore aggregates,
    PrivacyGate gate,
    RawAnswerRetention retention,
    TimeProvider timeProvider)
{
    /// <summary>How many pulses a tenant can have; ListRecentAsync needs a bound.</summary>
    public const int MaxPulses = 100_000;

    public async Task<RebuildResult> RebuildAsync(string tenantId, CancellationToken cancellationToken)
    {
        var all = (await pulses.ListRecentAsync(MaxPulses, cancellationToken)).Where(p => p.TenantId == tenantId).OrderBy(p => p.OpensAt).ToList();
        if (all.Any(p => p.Status != PulseStatus.Closed && p.Status != PulseStatus.Scheduled))
            return new RebuildResult(0, 0, 0, 0, RefusedBecause: "a pulse is open; rebuild once it has closed, so no answer is counted twice");

        var line = await retention.LineAsync(tenantId, cancellationToken);
        var bank = (await questions.ListAsync(includeInactive: true, cancellationToken)).ToDictionary(q => q.Id, StringComparer.Ordinal);
        var teamsOfUser = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var computed = new Dictionary<CellId, long>();
        long answerCount = 0;
        long deliveryCount = 0;
        var closed = all.Where(p => p.Status == PulseStatus.Closed && !RawAnswerRetention.IsRetired(p, line)).ToList();
        foreach (var pulse in closed)
        {
            var (cells, pulseAnswers) = await ContributionsOfAnswersAsync(pulse, bank, cancellationToken);
            answerCount += pulseAnswers;
            TrendContributions.Accumulate(computed, cells);
            await foreach (var delivery in deliveries.ListAsync(LedgerIds.Of(pulse), null, cancellationToken))
            {
                if (delivery.Status is not (DeliveryStatus.Sent or DeliveryStatus.Answered))
                    continue;
                if (!teamsOfUser.TryGetValue(delivery.UserId, out var teams))
                    teamsOfUser[delivery.UserId] = teams = await roster.ListTeamsForUserAsync(tenantId, delivery.UserId, cancellationToken);
                TrendContributions.Accumulate(computed, TrendContributions.OfDelivery(pulse, teams));
                deliveryCount++;
            }
        }

        // "One thing" comments of any week, filed under Voice pulses that are never stored.
        bank.TryAdd(VoicePulses.FallbackQuestion.Id, VoicePulses.FallbackQuestion);
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        foreach (var pulse in VoicePulses.Recent(tenantId, today).Where(p => !RawAnswerRetention.IsRetired(p, line)))
        {
            var (cells, pulseAnswers) = await ContributionsOfAnswersAsync(pulse, bank, cancellationToken);
            answerCount += pulseAnswers;
            TrendContributions.Accumulate(computed, cells);
        }

        var periods = computed.Keys.Select(c => c.Period).Concat(all.SelectMany(p => TrendPeriod.AllFor(p.OpensAt)).Select(p => p.Key))
            .Distinct(StringComparer.Ordinal).ToList();
        var sealedKeys = await gate.SealedAmongAsync(tenantId, periods.Select(p => (Parsed: TrendPeriod.TryParse(p, out var period), Period: period))
            .Where(p => p.Parsed).Select(p => p.Period), cancellationToken);
        var differing = 0;
        var retired = false;
        foreach (var period in periods)
        {
            if (TrendPeriod.TryParse(period, out var parsed) && RawAnswerRetention.IsRetired(parsed, line))
            {
                retired = true;
                continue;
            }

            var desired = computed.Where(c => c.Key.Period == period).ToDictionary(c => c.Key, c => c.Value);
            var stored = await StoredCellsAsync(tenantId, period, desired.Keys.Select(c => c.Slice), cancellationToken);
            if (sealedKeys.Contains(period))
            {
                var figures = stored.Where(c => c.Key.Key != TrendMeasure.GateKey && c.Value != 0).ToDictionary(c => c.Key, c => c.Value);
                if (!TrendContributions.Difference(desired, figures).All(c => c.Value == 0))
                    differing++;
                continue;
            }

            // Gate markers left from an interrupted sealing go too: sealing decides again below.
            await aggregates.ApplyDeltasAsync(TrendContributions.ToDeltas(tenantId, TrendContributions.Difference(desired, stored)), cancellationToken);
        }

        var sealing = await gate.SealAsync(tenantId, all, cancellationToken);
        return new RebuildResult(closed.Count, answerCount, deliveryCount, sealing.Sealed.Count, differing, RetiredBefore: retired ? line : null);
    }

    /// <summary>Every stored cell of one period: the slices its index lists, the ones about to be written, and their Voice phrases.</summary>
    private async Task<Dictionary<CellId, long>> StoredCellsAsync(string tenantId, string period, IEnumerable<string> more, CancellationToken cancellationToken)
    {
        var index = await aggregates.ListAsync(tenantId, TrendSlices.Index, period, period, cancellationToken);
        var slices = index.Select(c => c.Bucket).Concat(more).Concat([TrendSlices.Org, TrendSlices.Index, TrendSlices.Groups]).Distinct(StringComparer.Ordinal).ToList();
        slices.AddRange(slices.Where(s => s == TrendSlices.Org || TrendSlices.IsTeam(s)).Select(TrendSlices.Voice).Where(v => !slices.Contains(v)).ToList());
        var cells = new Dictionary<CellId, long>();
        foreach (var slice in slices.Distinct(StringComparer.Ordinal))
        {
            foreach (var cell in await aggregates.ListAsync(tenantId, slice, period, period, cancellationToken))
                cells[new CellId(cell.Period, cell.Slice, cell.Key, cell.Bucket)] = cell.Count;
        }

        return cells;
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
