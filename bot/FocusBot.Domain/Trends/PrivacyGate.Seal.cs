using FocusBot.Domain.Aggregates;
using FocusBot.Domain.Pulses;

namespace FocusBot.Domain.Trends;

/// <summary>What a sealing pass did.</summary>
public sealed record SealResult(IReadOnlyList<TrendPeriod> Sealed, int HiddenFigures)
{
    public static readonly SealResult Nothing = new([], 0);
}

public sealed partial class PrivacyGate
{
    /// <summary>
    /// Seals every period of the tenant that is complete: a week once all its pulses have closed; a month or quarter
    /// once it has ended and all its weeks are sealed. Months and quarters are only ever shown whole, so no
    /// month-to-date figure can be subtracted from the next one to reveal a week that was hidden. Sealing decides and
    /// stores which figures to hide, then marks the period sealed (in that order, so a half-finished pass shows
    /// nothing). Run by a single instance (the digest service holds a lease); running it again changes nothing.
    /// </summary>
    public async Task<SealResult> SealAsync(string tenantId, IReadOnlyList<Pulse> pulses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pulses);
        var own = pulses.Where(p => p.TenantId == tenantId).ToList();
        if (own.Count == 0)
            return SealResult.Nothing;
        var byPeriod = new Dictionary<TrendPeriod, List<Pulse>>();
        foreach (var pulse in own)
        {
            foreach (var period in TrendPeriod.AllFor(pulse.OpensAt))
            {
                if (!byPeriod.TryGetValue(period, out var list))
                    byPeriod[period] = list = [];
                list.Add(pulse);
            }
        }

        var sealedKeys = await SealedAmongAsync(tenantId, byPeriod.Keys, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var done = new List<TrendPeriod>();
        var hidden = 0;
        foreach (var kind in (PeriodKind[])[PeriodKind.Week, PeriodKind.Month, PeriodKind.Quarter])
        {
            foreach (var (period, periodPulses) in byPeriod.Where(p => p.Key.Kind == kind).OrderBy(p => p.Key))
            {
                if (sealedKeys.Contains(period.Key) || periodPulses.Any(p => p.Status != PulseStatus.Closed))
                    continue;
                if (kind != PeriodKind.Week && (now < period.EndsAt || period.Children().Any(c => byPeriod.ContainsKey(c) && !sealedKeys.Contains(c.Key))))
                    continue;
                hidden += await SealPeriodAsync(tenantId, period, cancellationToken);
                sealedKeys.Add(period.Key);
                done.Add(period);
            }
        }

        return new SealResult(done, hidden);
    }

    /// <summary>Decides and stores the hidden figures of one period, then marks it sealed. Returns how many are hidden.</summary>
    public async Task<int> SealPeriodAsync(string tenantId, TrendPeriod period, CancellationToken cancellationToken)
    {
        var index = await ReadAsync(tenantId, TrendSlices.Index, period, period, cancellationToken);
        var names = index.Buckets(period.Key, TrendMeasure.SliceKey).Where(b => b.Value > 0).Select(b => b.Key).Append(TrendSlices.Org)
            .Append(TrendSlices.Groups).Distinct(StringComparer.Ordinal).ToList();
        var slices = new SliceCells[names.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, names.Count), new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, token) => slices[i] = await ReadForSealAsync(tenantId, names[i], period, token));
        var bySlice = slices.ToDictionary(s => s.Slice, StringComparer.Ordinal);

        var hidden = SuppressionPlanner.Plan(period, bySlice, thresholds);
        var deltas = new List<AggregateDelta>();
        foreach (var cells in slices)
        {
            foreach (var measure in SuppressionPlanner.MeasuresOf(cells.Slice, cells, period.Key).Distinct(StringComparer.Ordinal))
            {
                var desired = hidden.Contains((cells.Slice, measure)) ? 1 : 0;
                var stored = cells.Get(period.Key, TrendMeasure.GateKey, measure);
                if (desired != stored)
                    deltas.Add(new AggregateDelta(tenantId, period.Key, cells.Slice, TrendMeasure.GateKey, measure, desired - stored));
            }
        }

        await aggregates.ApplyDeltasAsync(deltas, cancellationToken);
        if (!bySlice[TrendSlices.Org].IsSealed(period.Key))
            await aggregates.ApplyDeltasAsync([new AggregateDelta(tenantId, period.Key, TrendSlices.Org, TrendMeasure.GateKey, TrendMeasure.Sealed, 1)], cancellationToken);
        return hidden.Count;
    }

    /// <summary>A slice's cells of the period and, for a month or quarter, of its weeks and months (whose decisions it builds on).</summary>
    private async Task<SliceCells> ReadForSealAsync(string tenantId, string slice, TrendPeriod period, CancellationToken cancellationToken)
    {
        var cells = new List<AggregateCell>(await aggregates.ListAsync(tenantId, slice, period.Key, period.Key, cancellationToken));
        if (period.Kind != PeriodKind.Week)
        {
            var weeks = period.Weeks();
            cells.AddRange(await aggregates.ListAsync(tenantId, slice, weeks[0].Key, weeks[^1].Key, cancellationToken));
        }

        if (period.Kind == PeriodKind.Quarter)
        {
            var months = period.Children();
            cells.AddRange(await aggregates.ListAsync(tenantId, slice, months[0].Key, months[^1].Key, cancellationToken));
        }

        return new SliceCells(slice, cells);
    }

    /// <summary>
    /// The week that figures arriving now belong to: this week, or the next once this one is sealed, so nothing that
    /// arrives late (a "one thing" comment, say) can change a sealed week and be read off the change.
    /// </summary>
    public async Task<TrendPeriod> OpenWeekAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var week = TrendPeriod.WeekOf(DateOnly.FromDateTime(now.UtcDateTime));
        return (await SealedAmongAsync(tenantId, [week], cancellationToken)).Count > 0 ? week.Next() : week;
    }

    /// <summary>The keys of the sealed periods among <paramref name="periods"/>.</summary>
    public async Task<HashSet<string>> SealedAmongAsync(string tenantId, IEnumerable<TrendPeriod> periods, CancellationToken cancellationToken)
    {
        var sealedKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in periods.GroupBy(p => p.Kind))
        {
            var cells = await ReadAsync(tenantId, TrendSlices.Org, group.Min(), group.Max(), cancellationToken);
            sealedKeys.UnionWith(group.Where(p => cells.IsSealed(p.Key)).Select(p => p.Key));
        }

        return sealedKeys;
    }
}
