using FocusBot.Domain.Aggregates;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Roster;

namespace FocusBot.Domain.Trends;

/// <summary>
/// Takes an erased person's answers, and their place in participation, out of every figure that is not sealed yet,
/// before their answers and delivery rows are deleted, so
/// the live figures equal what a rebuild from the remaining answers gives. Sealed figures stay as they are: a change
/// would reveal by difference what the person had answered. Safe to repeat: the person's counted record is emptied
/// with the same conditional write the recorder uses, so a second run finds nothing left to take out.
/// </summary>
public sealed class TrendRetraction(IPulseStore pulses, IDeliveryStore deliveries, IRosterStore roster, ICountedAnswersStore counted, IQuestionStore questions,
    IAggregateStore aggregates, PrivacyGate gate, TimeProvider timeProvider)
{
    private const int MaxRaceAttempts = 10;

    /// <summary>
    /// Retracts every pseudonym's counted answers from the tenant's pulses and Voice weeks, and the Teams user's
    /// deliveries from participation; returns how many counted records had answers.
    /// </summary>
    public async Task<int> RetractAsync(string tenantId, string? userId, IReadOnlyCollection<string> pseudonyms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pseudonyms);
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var all = (await pulses.ListRecentAsync(TrendRebuilder.MaxPulses, cancellationToken)).Where(p => p.TenantId == tenantId)
            .Concat(VoicePulses.Recent(tenantId, today))
            .ToList();
        var sealedKeys = await gate.SealedAmongAsync(tenantId, all.SelectMany(p => TrendPeriod.AllFor(p.OpensAt)).Distinct(), cancellationToken);
        var known = new Dictionary<string, Question>(StringComparer.Ordinal) { [VoicePulses.FallbackQuestion.Id] = VoicePulses.FallbackQuestion };
        if (!string.IsNullOrEmpty(userId))
            await RetractDeliveriesAsync(tenantId, userId, all, sealedKeys, cancellationToken);
        var retracted = 0;
        foreach (var pulse in all)
        {
            foreach (var pseudonym in pseudonyms.Where(p => !string.IsNullOrEmpty(p)).Distinct(StringComparer.Ordinal))
            {
                if (await RetractAsync(pulse, pseudonym, sealedKeys, known, cancellationToken))
                    retracted++;
            }
        }

        return retracted;
    }

    /// <summary>
    /// The person's deliveries leave the participation denominator of unsealed periods. Their delivery rows are deleted
    /// right after by the eraser, so a second erasure finds none (an erasure interrupted between the two would take
    /// them out twice; a rebuild then puts the figures right).
    /// </summary>
    private async Task RetractDeliveriesAsync(string tenantId, string userId, List<Pulse> all, HashSet<string> sealedKeys, CancellationToken cancellationToken)
    {
        var key = RecipientKeys.For(tenantId, userId);
        IReadOnlyList<string>? teams = null;
        var taken = new Dictionary<CellId, long>();
        foreach (var pulse in all.Where(p => p.Status != PulseStatus.Scheduled && !p.Id.StartsWith(VoicePulses.Prefix, StringComparison.Ordinal)))
        {
            if (await deliveries.GetAsync(LedgerIds.Of(pulse), key, cancellationToken) is not { Status: DeliveryStatus.Sent or DeliveryStatus.Answered })
                continue;
            teams ??= await roster.ListTeamsForUserAsync(tenantId, userId, cancellationToken);
            TrendContributions.Accumulate(taken, TrendContributions.Difference([], TrendContributions.OfDelivery(pulse, teams)));
        }

        foreach (var cell in taken.Keys.Where(c => sealedKeys.Contains(c.Period)).ToList())
            taken.Remove(cell);
        await aggregates.ApplyDeltasAsync(TrendContributions.ToDeltas(tenantId, taken), cancellationToken);
    }

    private async Task<bool> RetractAsync(Pulse pulse, string pseudonym, HashSet<string> sealedKeys, Dictionary<string, Question> known, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxRaceAttempts; attempt++)
        {
            var record = await counted.GetAsync(pulse.Id, pseudonym, cancellationToken);
            if (record is null || record.Answers.Count == 0)
                return false;
            foreach (var id in record.Answers.Keys.Where(id => !known.ContainsKey(id)))
            {
                if (await questions.GetAsync(id, cancellationToken) is { } question)
                    known[id] = question;
            }

            var taken = TrendContributions.Difference([], TrendContributions.OfRespondent(pulse, record.AsAnswers(pulse, known)));
            foreach (var cell in taken.Keys.Where(c => sealedKeys.Contains(c.Period)).ToList())
                taken.Remove(cell);
            if (await counted.TryWriteAsync(record with { Answers = new Dictionary<string, CountedAnswer>(StringComparer.Ordinal) }, cancellationToken) is null)
                continue;
            await aggregates.ApplyDeltasAsync(TrendContributions.ToDeltas(pulse.TenantId, taken), cancellationToken);
            return true;
        }

        return false;
    }
}
