namespace FocusBot.Domain.Trends;

/// <summary>
/// Decides which figures of one period must be hidden, looking at every slice together. Primary suppression hides a
/// figure with fewer respondents than the threshold. Secondary suppression then stops subtraction from recovering a
/// hidden figure, along every way figures add up:
/// <list type="bullet">
/// <item>the organisation and its teams, which may overlap: see <see cref="OverlapGuard"/>,</item>
/// <item>the organisation and its programme levels, and its topic tags,</item>
/// <item>an index and its questions (organisation only),</item>
/// <item>a month and its weeks, a quarter and its months.</item>
/// </list>
/// In each other family whose parent is shown, whatever subtraction reveals (the hidden children) must be empty, or hold
/// at least the threshold of respondents in one of its parts, and no hidden child may be the only
/// unknown (it would be recovered exactly, undoing a suppression made to protect another family). Otherwise the
/// smallest shown child is hidden too, or for a period family the parent period. Rules repeat until nothing changes.
/// </summary>
public static class SuppressionPlanner
{
    private static readonly string[] s_scoredIndices = [TrendMeasure.Knowledge, TrendMeasure.Behaviour, TrendMeasure.Attitude, TrendMeasure.Advocacy];

    /// <param name="period">The period to decide.</param>
    /// <param name="slices">Every slice with data in the period; for a month or quarter, its cells of the child weeks
    /// and months too, with the children's decisions (gate markers) already made.</param>
    /// <param name="thresholds">The privacy thresholds.</param>
    /// <returns>The (slice, measure) figures of <paramref name="period"/> to hide.</returns>
    public static HashSet<(string Slice, string Measure)> Plan(TrendPeriod period, IReadOnlyDictionary<string, SliceCells> slices, PrivacyThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(slices);
        ArgumentNullException.ThrowIfNull(thresholds);
        var key = period.Key;
        var weeks = period.Weeks();
        var figures = new Dictionary<(string Slice, string Measure), long>();
        foreach (var (slice, cells) in slices)
        {
            foreach (var measure in MeasuresOf(slice, cells, key))
            {
                if (cells.HasData(key, measure))
                    figures[(slice, measure)] = weeks.Max(week => cells.Respondents(week.Key, measure));
            }
        }

        var hidden = figures.Where(f => f.Value < thresholds.For(f.Key.Measure)).Select(f => f.Key).ToHashSet();
        var families = Families(figures.Keys);
        bool changed;
        do
        {
            changed = period.Kind != PeriodKind.Week && HideParentsOfLoneHiddenChildren(period, slices, figures, hidden, thresholds);
            foreach (var family in families)
                changed |= Settle(family, figures, hidden, thresholds);
            changed |= SettleTeams(weeks, slices, figures, hidden, thresholds);
        }
        while (changed);

        return hidden;
    }

    /// <summary>The measures a slice publishes: indices and participation; the organisation also its questions.</summary>
    public static IEnumerable<string> MeasuresOf(string slice, SliceCells cells, string period)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (slice == TrendSlices.Org || TrendSlices.IsTeam(slice))
        {
            foreach (var measure in TrendMeasure.SliceMeasures)
                yield return measure;
        }
        else
        {
            foreach (var measure in s_scoredIndices)
                yield return measure;
        }

        if (slice == TrendSlices.Org)
        {
            foreach (var key in cells.Keys(period).Where(k => TrendMeasure.IsQuestion(k) && TrendMeasure.QuestionParts(k).Index != TrendMeasure.Voice))
                yield return key;
        }
    }

    private sealed record Family((string Slice, string Measure) Parent, IReadOnlyList<(string Slice, string Measure)> Children);

    private static List<Family> Families(IEnumerable<(string Slice, string Measure)> present)
    {
        var all = present.ToList();
        var families = new List<Family>();
        foreach (var measure in s_scoredIndices)
        {
            families.Add(new Family((TrendSlices.Org, measure), [.. all.Where(f => f.Measure == measure && TrendSlices.IsLevel(f.Slice))]));
            families.Add(new Family((TrendSlices.Org, measure), [.. all.Where(f => f.Measure == measure && TrendSlices.IsTag(f.Slice))]));
            families.Add(new Family((TrendSlices.Org, measure),
                [.. all.Where(f => f.Slice == TrendSlices.Org && TrendMeasure.IsQuestion(f.Measure) && TrendMeasure.QuestionParts(f.Measure).Index == measure)]));
        }

        return [.. families.Where(f => f.Children.Count > 0)];
    }

    /// <summary>Hides children of one family until subtraction reveals nothing smaller than the threshold.</summary>
    private static bool Settle(Family family, Dictionary<(string, string), long> figures, HashSet<(string, string)> hidden, PrivacyThresholds thresholds)
    {
        if (!figures.ContainsKey(family.Parent) || hidden.Contains(family.Parent))
            return false;
        var threshold = thresholds.For(family.Parent.Measure);
        var changed = false;
        while (true)
        {
            var hiddenChildren = family.Children.Where(hidden.Contains).Select(c => figures[c]).ToList();
            if (IsSafe(hiddenChildren, 0, threshold))
                return changed;
            var smallestShown = family.Children.Where(c => !hidden.Contains(c)).OrderBy(c => figures[c]).ThenBy(c => c.Item1, StringComparer.Ordinal)
                .ThenBy(c => c.Item2, StringComparer.Ordinal).Cast<(string, string)?>().FirstOrDefault();
            // With every child hidden, subtraction can only reveal the parent itself, which is shown anyway.
            if (smallestShown is null)
                return changed;
            hidden.Add(smallestShown.Value);
            changed = true;
        }
    }

    /// <summary>
    /// The organisation and its teams, measure by measure: teams overlap, so the respondents per exact combination of
    /// teams (<see cref="Memberships"/>) decide what subtraction can isolate (<see cref="OverlapGuard"/>). Without those
    /// counts, or when they do not add up to the organisation's respondents, every team of the measure is hidden: not
    /// knowing how teams overlap, no team figure is safe to show.
    /// </summary>
    private static bool SettleTeams(IReadOnlyList<TrendPeriod> weeks, IReadOnlyDictionary<string, SliceCells> slices,
        Dictionary<(string Slice, string Measure), long> figures, HashSet<(string, string)> hidden, PrivacyThresholds thresholds)
    {
        var changed = false;
        slices.TryGetValue(TrendSlices.Groups, out var groups);
        foreach (var measure in TrendMeasure.SliceMeasures)
        {
            var teams = figures.Where(f => f.Key.Measure == measure && TrendSlices.IsTeam(f.Key.Slice)).ToDictionary(f => f.Key.Slice, f => f.Value, StringComparer.Ordinal);
            if (teams.Count == 0)
                continue;
            // A person is counted once per pulse, so over a month the most respondents a combination had in one week is
            // the number of people it surely holds.
            var atoms = new Dictionary<string, long>(StringComparer.Ordinal);
            var complete = groups is not null && slices.ContainsKey(TrendSlices.Org);
            foreach (var week in complete ? weeks : [])
            {
                var org = slices[TrendSlices.Org];
                var buckets = groups!.Buckets(week.Key, measure);
                foreach (var (signature, people) in buckets)
                    atoms[signature] = Math.Max(atoms.GetValueOrDefault(signature), people);
                // Every respondent must be in exactly one combination: a count that does not add up (a store that left
                // some out, say) would understate an overlap, so it hides every team instead.
                var everyone = measure == TrendMeasure.Participation ? org.Get(week.Key, measure, TrendBuckets.Delivered) : org.Respondents(week.Key, measure);
                complete &= buckets.Values.Sum() == everyone;
            }

            var hiddenTeams = teams.Keys.Where(t => hidden.Contains((t, measure))).ToHashSet(StringComparer.Ordinal);
            var before = hiddenTeams.Count;
            if (!complete || atoms.Count == 0)
                hiddenTeams.UnionWith(teams.Keys);
            else
                OverlapGuard.Settle(atoms, teams, figures.ContainsKey((TrendSlices.Org, measure)) && !hidden.Contains((TrendSlices.Org, measure)), hiddenTeams,
                    thresholds.For(measure));
            if (hiddenTeams.Count == before)
                continue;
            foreach (var team in hiddenTeams)
                hidden.Add((team, measure));
            changed = true;
        }

        return changed;
    }

    /// <summary>Whether what subtraction reveals in a family (its hidden children and the rest) is safe to reveal.</summary>
    public static bool IsSafe(IReadOnlyList<long> hiddenChildren, long rest, int threshold)
    {
        ArgumentNullException.ThrowIfNull(hiddenChildren);
        if (hiddenChildren.Count == 0 && rest <= 0)
            return true;
        if (hiddenChildren.Count == 1 && rest <= 0)
            return false;
        return Math.Max(hiddenChildren.DefaultIfEmpty(0).Max(), rest) >= threshold;
    }

    /// <summary>A month (quarter) is hidden when its hidden weeks (months) could be recovered from it by subtraction.</summary>
    private static bool HideParentsOfLoneHiddenChildren(TrendPeriod period, IReadOnlyDictionary<string, SliceCells> slices,
        Dictionary<(string Slice, string Measure), long> figures, HashSet<(string, string)> hidden, PrivacyThresholds thresholds)
    {
        var changed = false;
        var children = period.Children();
        foreach (var figure in figures.Keys.Where(f => !hidden.Contains(f)).ToList())
        {
            var cells = slices[figure.Slice];
            var hiddenChildren = children
                .Where(child => cells.HasData(child.Key, figure.Measure) && cells.IsMarkedHidden(child.Key, figure.Measure))
                .Select(child => child.Weeks().Max(week => cells.Respondents(week.Key, figure.Measure)))
                .ToList();
            if (!IsSafe(hiddenChildren, 0, thresholds.For(figure.Measure)))
            {
                hidden.Add(figure);
                changed = true;
            }
        }

        return changed;
    }
}
