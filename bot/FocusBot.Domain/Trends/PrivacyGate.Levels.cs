using FocusBot.Domain.Programme;

namespace FocusBot.Domain.Trends;

public sealed partial class PrivacyGate
{
    /// <summary>How far back the latest sealed week is looked for: a year without a pulse leaves nothing to judge a level by.</summary>
    private const int LevelLookBackWeeks = 52;

    /// <summary>
    /// Each team's item figures over the <paramref name="weeks"/> weeks ending with the latest sealed one, for the mastery
    /// rule (<see cref="ProgrammeLevelRule"/>): every team listed in those weeks, or only <paramref name="teamSlice"/>
    /// when given (a Manager's own team). A team's week counts towards an item only when the gate shows that team's
    /// figure of the item's measure that week (not hidden for its size or at sealing against differencing), and an item
    /// is let out only when its most answered week reached the minimum group size; it then carries a percentage's counts,
    /// never the people.
    /// </summary>
    /// <param name="asOf">The last day the weeks may reach (a review's range end): the rule then looks at weeks ending by it. Today when null.</param>
    public async Task<LevelFigures> PublishLevelsAsync(string tenantId, string? teamSlice, int weeks, CancellationToken cancellationToken, DateOnly? asOf = null)
    {
        if (teamSlice is not null && !TrendSlices.IsTeam(teamSlice))
            throw new ArgumentException("Levels are of teams.", nameof(teamSlice));
        var current = TrendPeriod.Holding(PeriodKind.Week, DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime));
        if (asOf is { } day && TrendPeriod.Holding(PeriodKind.Week, day) is var holding && holding <= current)
            current = holding.LastDay <= day ? holding : holding.Previous();
        var lookBack = TrendPeriod.Range(current, LevelLookBackWeeks + weeks);
        var org = await ReadAsync(tenantId, TrendSlices.Org, lookBack[0], current, cancellationToken);
        var sealedWeeks = lookBack.Where(p => org.IsSealed(p.Key)).ToList();
        if (sealedWeeks.Count == 0)
            return LevelFigures.None;
        var last = sealedWeeks[^1];
        var window = TrendPeriod.Range(last, weeks);
        List<string> slices = teamSlice is not null ? [teamSlice] : await TeamsListedAsync(tenantId, window, cancellationToken);
        var names = await TeamNamesAsync(tenantId, cancellationToken);
        var teams = (await ReadEachAsync(tenantId, slices, window[0], last, cancellationToken))
            .Select(cells => new TeamItemFigures(cells.Slice, NameOf(cells.Slice, names), ItemsOf(cells, org, window)));
        return new LevelFigures(window, [.. teams.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)]);
    }

    private async Task<List<string>> TeamsListedAsync(string tenantId, IReadOnlyList<TrendPeriod> window, CancellationToken cancellationToken)
    {
        var index = await ReadAsync(tenantId, TrendSlices.Index, window[0], window[^1], cancellationToken);
        return [.. window.SelectMany(p => index.Buckets(p.Key, TrendMeasure.SliceKey)).Where(b => b.Value > 0 && TrendSlices.IsTeam(b.Key)).Select(b => b.Key)
            .Distinct(StringComparer.Ordinal)];
    }

    private List<ItemFigure> ItemsOf(SliceCells cells, SliceCells org, IReadOnlyList<TrendPeriod> window)
    {
        var sums = new Dictionary<string, (long Favourable, long Answers, long Respondents)>(StringComparer.Ordinal);
        foreach (var week in window)
        {
            var shown = TrendMeasure.Indices.Where(m => Figure(cells, org, week, m).IsShown).ToHashSet(StringComparer.Ordinal);
            foreach (var key in cells.Keys(week.Key).Where(TrendMeasure.IsQuestion))
            {
                var measure = TrendMeasure.QuestionParts(key).Index;
                if (!shown.Contains(measure))
                    continue;
                var answers = cells.Get(week.Key, key, TrendBuckets.N);
                var favourable = cells.Get(week.Key, key, FavourableBucket(measure));
                var sum = sums.GetValueOrDefault(key);
                sums[key] = (sum.Favourable + favourable, sum.Answers + answers, Math.Max(sum.Respondents, answers));
            }
        }

        return [.. sums.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s =>
        {
            var (measure, id) = TrendMeasure.QuestionParts(s.Key);
            return s.Value.Respondents >= thresholds.MinimumGroupSize
                ? new ItemFigure(id, measure, s.Value.Favourable, s.Value.Answers, s.Value.Respondents)
                : new ItemFigure(id, measure, null, null, null);
        })];
    }

    private static string FavourableBucket(string measure) => measure switch
    {
        TrendMeasure.Knowledge => TrendBuckets.Correct,
        TrendMeasure.Behaviour => TrendBuckets.AtLeastTwice,
        _ => TrendBuckets.Favourable,
    };
}
