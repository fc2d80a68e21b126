namespace FocusBot.Domain.Trends;

public sealed partial class PrivacyGate
{
    /// <summary>
    /// The organisation's knowledge on the fair scale for the periods of <paramref name="organisation"/>. Difficulties
    /// come from sealed periods only (whole quarters where they are sealed, sealed weeks otherwise), so nothing moves
    /// while a pulse is open; an adjusted figure exists only where the raw one is shown, and is compared with the raw
    /// figure's own baseline by the same rule (each person counted once), so it reveals nothing the raw series hides.
    /// Difficulties themselves are never published.
    /// </summary>
    private async Task<FairKnowledge?> FairKnowledgeAsync(string tenantId, SliceCells org, SliceSeries organisation, CancellationToken cancellationToken)
    {
        var scale = KnowledgeScale.Estimate(await SealedItemTalliesAsync(tenantId, cancellationToken));
        if (scale.Items == 0)
            return null;
        AdjustedKnowledge? At(PublishedFigure raw)
        {
            if (!raw.IsShown || raw.Value is not { } value || raw.N is not { } n)
                return null;
            var asked = ItemTallies(org, raw.Period.Key).Select(t => (t.ItemId, t.Correct, t.Answers)).ToList();
            return scale.AbilityOf(asked) is { } ability
                ? new AdjustedKnowledge(raw.Period, scale.ExpectedPercent(ability), value, n, asked.Count)
                : null;
        }

        var points = new List<AdjustedKnowledge?>();
        foreach (var raw in organisation[TrendMeasure.Knowledge].Points)
        {
            var adjusted = At(raw) is { } figure ? figure with { Baseline = raw.Baseline, NoChange = raw.NoChange } : null;
            if (adjusted is not null && raw.Change is not null && At(Figure(org, org, raw.Baseline!.Value, TrendMeasure.Knowledge)) is { } before)
                adjusted = adjusted with { Change = ChangeClassifier.Classify(PeopleCorrect(adjusted), adjusted.N, PeopleCorrect(before), before.N, thresholds.MinimumGroupSize) };

            points.Add(adjusted);
        }

        return new FairKnowledge(points, scale.Items, scale.Answers);
    }

    /// <summary>The adjusted share as people, as the raw index's change test counts it (<see cref="FigureMath.TestCounts"/>).</summary>
    private static long PeopleCorrect(AdjustedKnowledge figure) => (long)Math.Round(figure.Percent / 100 * figure.N, MidpointRounding.AwayFromZero);

    /// <summary>Every knowledge item's answers in sealed periods: sealed quarters whole, and the sealed weeks of quarters not sealed yet.</summary>
    private async Task<List<ItemTally>> SealedItemTalliesAsync(string tenantId, CancellationToken cancellationToken)
    {
        var thisQuarter = TrendPeriod.Holding(PeriodKind.Quarter, DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime));
        var quarters = await ReadAsync(tenantId, TrendSlices.Org, new TrendPeriod(PeriodKind.Quarter, 1, 1), thisQuarter, cancellationToken);
        var tallies = new List<ItemTally>();
        var open = new List<TrendPeriod>();
        foreach (var key in quarters.PeriodKeys())
        {
            if (!TrendPeriod.TryParse(key, out var quarter))
                continue;
            if (quarters.IsSealed(key))
                tallies.AddRange(ItemTallies(quarters, key));
            else
                open.Add(quarter);
        }

        foreach (var quarter in open)
        {
            var weeks = quarter.Weeks();
            var cells = await ReadAsync(tenantId, TrendSlices.Org, weeks[0], weeks[^1], cancellationToken);
            foreach (var week in weeks.Where(w => cells.IsSealed(w.Key)))
                tallies.AddRange(ItemTallies(cells, week.Key));
        }

        return tallies;
    }

    private static IEnumerable<ItemTally> ItemTallies(SliceCells org, string period) =>
        org.Keys(period)
            .Where(key => TrendMeasure.IsQuestion(key) && TrendMeasure.QuestionParts(key).Index == TrendMeasure.Knowledge)
            .Select(key => new ItemTally(period, TrendMeasure.QuestionParts(key).QuestionId, org.Get(period, key, TrendBuckets.Correct), org.Get(period, key, TrendBuckets.N)))
            .Where(tally => tally.Answers > 0);
}
