using FocusBot.Domain.Answers;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Trends;

namespace FocusBot.Retention;

/// <summary>What one retention pass deleted: counts only, never whose or which.</summary>
public sealed record RetentionPass(bool Ran, int Tenants, int AnswerSets, AnswerSetDeletion Deleted, int Deliveries, int ReviewItems = 0)
{
    /// <summary>Another instance holds the retention lease: this one did nothing.</summary>
    public static readonly RetentionPass NotHeld = new(false, 0, 0, AnswerSetDeletion.None, 0);
}

/// <summary>
/// Deletes the raw answers of retired weeks (<see cref="RawAnswerRetention"/>), tenant by tenant: every answer set a
/// week of which is retired (a pulse's answers, counted records and "answered" markers; a week's "one thing"
/// comments), and each retired pulse's delivery ledger (it names every person sent the pulse, and rows from before the
/// markers say who answered) with its results ledger (which names the same people), and the review items (missed knowledge
/// checks kept for a person, under their pseudonym) last updated before the line. The pulses themselves stay (ids, questions, dates: nobody's data), and so does everything
/// counted from the answers: the sealed figures and Voice phrase counts the trends show.
/// Resumable: the line is recorded before anything goes, so the trends and comments treat the weeks as retired
/// throughout; the sets left are listed again by the next pass; a tenant is marked done only once all went.
/// </summary>
public sealed class RawAnswerRetirement(IAnswerSetStore sets, IPulseStore pulses, IDeliveryStore deliveries, IReviewItemStore reviewItems, RawAnswerRetention retention)
{
    /// <param name="stillHeld">Renews the lease between sets; false (another instance took it over) ends the pass.</param>
    public async Task<RetentionPass> RunAsync(Func<CancellationToken, Task<bool>> stillHeld, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stillHeld);
        var stored = await pulses.ListRecentAsync(TrendRebuilder.MaxPulses, cancellationToken);
        var tenants = new Dictionary<string, TenantWork>(StringComparer.Ordinal);
        TenantWork Of(string tenantId) => tenants.TryGetValue(tenantId, out var work) ? work : tenants[tenantId] = new TenantWork();
        foreach (var pulse in stored)
            Of(pulse.TenantId).Pulses.Add(pulse);
        var byId = stored.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var id in await sets.ListAsync(cancellationToken))
        {
            // A set that is neither a stored pulse nor a Voice week belongs to no known week, and stays.
            if (byId.TryGetValue(id, out var pulse))
                Of(pulse.TenantId).Sets.Add((id, TrendPeriod.AllFor(pulse.OpensAt)[0]));
            else if (VoicePulses.TryParse(id, out var tenantId, out var week))
                Of(tenantId).Sets.Add((id, week));
        }

        var pass = new RetentionPass(true, 0, 0, AnswerSetDeletion.None, 0);
        foreach (var (tenantId, work) in tenants)
        {
            var line = await retention.LineAsync(tenantId, cancellationToken);
            // Every tenant with review items has pulses (the items come from their answers), so each is reached here.
            pass = pass with { ReviewItems = pass.ReviewItems + await reviewItems.DeleteUpdatedBeforeAsync(tenantId, line, cancellationToken) };
            var done = await retention.DoneAsync(tenantId, cancellationToken);
            // Pulses below the line whose sets may be unlisted (answers stored before their set was recorded, a delivery
            // ledger with no answers): each once, from where the last finished pass stopped.
            var retiredPulses = work.Pulses.Where(p => RawAnswerRetention.IsRetired(p, line) && !(done is { } d && RawAnswerRetention.IsRetired(p, d))).ToList();
            var retiredSets = work.Sets.Where(s => RawAnswerRetention.IsRetired(s.Week, line)).Select(s => s.Id).Union(retiredPulses.Select(p => p.Id), StringComparer.Ordinal).ToList();
            if (retiredSets.Count == 0 && retiredPulses.Count == 0)
                continue;

            line = await retention.BeginAsync(tenantId, cancellationToken);
            var deleted = AnswerSetDeletion.None;
            var deliveryRows = 0;
            foreach (var id in retiredSets)
            {
                if (!await stillHeld(cancellationToken))
                    return pass with { Deleted = pass.Deleted + deleted, Deliveries = pass.Deliveries + deliveryRows };
                deleted += await sets.DeleteAsync(id, cancellationToken);
            }

            foreach (var pulse in retiredPulses)
            {
                if (!await stillHeld(cancellationToken))
                    return pass with { Deleted = pass.Deleted + deleted, Deliveries = pass.Deliveries + deliveryRows };
                deliveryRows += await deliveries.DeleteLedgerAsync(LedgerIds.Of(pulse), cancellationToken);
                deliveryRows += await deliveries.DeleteLedgerAsync(LedgerIds.ResultsOf(pulse.Id), cancellationToken);
            }

            await retention.FinishAsync(tenantId, line, cancellationToken);
            pass = pass with
            {
                Tenants = pass.Tenants + 1,
                AnswerSets = pass.AnswerSets + retiredSets.Count,
                Deleted = pass.Deleted + deleted,
                Deliveries = pass.Deliveries + deliveryRows,
            };
        }

        return pass;
    }

    private sealed class TenantWork
    {
        public List<Pulse> Pulses { get; } = [];

        public List<(string Id, TrendPeriod Week)> Sets { get; } = [];
    }
}
