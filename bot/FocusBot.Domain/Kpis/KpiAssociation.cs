using System.Globalization;
using FocusBot.Domain.Trends;

namespace FocusBot.Domain.Kpis;

/// <summary>One staff measure against one KPI, across teams in a period or across the organisation's periods.</summary>
public sealed record KpiAssociationFinding(string Kpi, string Measure, double Coefficient, int Pairs, bool IsClear, string Sentence);

/// <summary>
/// Whether a KPI moves with knowledge, behaviour or attitude: Spearman's rank correlation (<see cref="RankCorrelation"/>)
/// across the teams that have both a KPI value and a shown staff figure for the same period, and across the
/// organisation's periods. Staff figures come only from the privacy gate's published series, so a hidden figure is
/// never a pair and never inferred. Nothing is said with fewer than <see cref="RankCorrelation.MinimumPairs"/> pairs,
/// and every sentence says it is an association, not a cause: teams differ in many ways at once.
/// </summary>
public static class KpiAssociation
{
    public const string NotCause = "This is an association, not evidence that one causes the other.";

    /// <summary>
    /// For each of K, B and A: the latest period of <paramref name="values"/> in which enough teams have both figures.
    /// <paramref name="teams"/> are the gate's team series, whose points are of the values' period kind.
    /// </summary>
    public static IReadOnlyList<KpiAssociationFinding> AcrossTeams(KpiDefinition kpi, IReadOnlyList<KpiValue> values, IReadOnlyList<SliceSeries> teams)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(teams);
        var findings = new List<KpiAssociationFinding>();
        var periods = values.Where(v => !v.IsOrganisation).Select(v => v.Period).Distinct().OrderDescending().ToList();
        foreach (var measure in TrendMeasure.Indices)
        {
            foreach (var period in periods)
            {
                var pairs = values
                    .Where(v => !v.IsOrganisation && v.Period == period)
                    .Select(v => (Figure: Shown(teams.FirstOrDefault(t => t.Slice == TrendSlices.Team(v.TeamId)), measure, period), v.Value))
                    .Where(p => p.Figure is not null)
                    .Select(p => (p.Figure!.Value, p.Value))
                    .ToList();
                if (pairs.Count < RankCorrelation.MinimumPairs)
                    continue;
                if (Finding(kpi, measure, pairs, $"Teams with higher {ScoreName(measure)} had {{0}} {kpi.Name} in {KpiPeriods.Format(period)}",
                    $"across {pairs.Count} teams in {KpiPeriods.Format(period)}", $"{pairs.Count} teams") is { } finding)
                    findings.Add(finding);
                break;
            }
        }

        return findings;
    }

    /// <summary>For each of K, B and A: the organisation's KPI values against its shown figures of the same periods.</summary>
    public static IReadOnlyList<KpiAssociationFinding> AcrossPeriods(KpiDefinition kpi, IReadOnlyList<KpiValue> values, SliceSeries organisation)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(organisation);
        var findings = new List<KpiAssociationFinding>();
        foreach (var measure in TrendMeasure.Indices)
        {
            var orgValues = values.Where(v => v.IsOrganisation).ToList();
            var pairs = orgValues
                .Select(v => (Figure: Shown(organisation, measure, v.Period), v.Value))
                .Where(p => p.Figure is not null)
                .Select(p => (p.Figure!.Value, p.Value))
                .ToList();
            if (pairs.Count < RankCorrelation.MinimumPairs)
                continue;
            var unit = PeriodWord(orgValues[0].Period.Kind);
            if (Finding(kpi, measure, pairs, $"In the {unit} when the organisation's {ScoreName(measure)} were higher, its {kpi.Name} was {{0}}",
                $"over {pairs.Count} {unit}", $"{pairs.Count} {unit}") is { } finding)
                findings.Add(finding);
        }

        return findings;
    }

    private static KpiAssociationFinding? Finding(KpiDefinition kpi, string measure, List<(double Figure, double Kpi)> pairs, string clearTemplate, string scope, string count)
    {
        if (RankCorrelation.Spearman(pairs) is not { } r)
            return null;
        var coefficient = string.Create(CultureInfo.InvariantCulture, $"{r:0.00}");
        if (!RankCorrelation.IsClear(pairs))
        {
            return new KpiAssociationFinding(kpi.Key, measure, r, pairs.Count, false,
                $"No clear association between {ScoreName(measure)} and {kpi.Name} {scope} (rank correlation {coefficient}).");
        }

        var higher = r > 0;
        var better = higher == (kpi.Better == KpiDirection.HigherIsBetter) ? "better" : "worse";
        var sentence = string.Format(CultureInfo.InvariantCulture, clearTemplate, higher ? "higher" : "lower") +
            $" ({better} for customers; rank correlation {coefficient}, {count}). {NotCause}";
        return new KpiAssociationFinding(kpi.Key, measure, r, pairs.Count, true, sentence);
    }

    /// <summary>The slice's figure of the period when the gate shows it; a hidden or missing one is no pair at all.</summary>
    private static double? Shown(SliceSeries? series, string measure, TrendPeriod period) =>
        series?.Measures.FirstOrDefault(m => m.Measure == measure)?.Points.FirstOrDefault(p => p.Period == period) is { IsShown: true, Value: { } value }
            ? value
            : null;

    private static string ScoreName(string measure) => TrendMeasure.Name(measure).ToLowerInvariant() + " scores";

    private static string PeriodWord(PeriodKind kind) => kind switch
    {
        PeriodKind.Week => "weeks",
        PeriodKind.Month => "months",
        _ => "quarters",
    };
}
