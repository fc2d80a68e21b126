using System.Globalization;
using System.Net;
using System.Text;
using FocusBot.Domain.Kpis;
using FocusBot.Domain.Trends;
using FocusBot.Kpis;

namespace FocusBot.Trends;

/// <summary>
/// The report page's "Customer KPIs" section: per KPI, a table of its values in the report's periods beside the
/// knowledge, behaviour and attitude of the same group and period (the figures the page already shows, so nothing
/// hidden appears here), the teams' values of the latest period with their figures, and the association sentences.
/// A team's page shows that team's values only, and no association: one team is no comparison.
/// </summary>
public static class KpiReportSection
{
    public static string Render(TrendReport report, IReadOnlyList<KpiSeries> kpis)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(kpis);
        if (kpis.Count == 0)
            return string.Empty;
        return new StringBuilder("<section id=\"kpis\"><h2>Customer KPIs <small>imported by HR, beside the staff figures of the same period</small></h2>")
            .Append(Body(report, kpis)).Append("</section>").ToString();
    }

    /// <summary>The section without its heading: each KPI's tables and findings, and how associations are judged (the review pack shows the same).</summary>
    public static string Body(TrendReport report, IReadOnlyList<KpiSeries> kpis)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(kpis);
        var html = new StringBuilder();
        var isOrganisation = report.Focus.Slice == TrendSlices.Org;
        var teamId = isOrganisation ? string.Empty : TrendSlices.TeamIdOf(report.Focus.Slice);
        var shown = 0;
        foreach (var kpi in kpis)
        {
            var values = InReport(kpi, report).Where(v => isOrganisation || v.TeamId == teamId).ToList();
            if (values.Count == 0)
                continue;
            shown++;
            html.Append("<h3>").Append(E(KpiText.Heading(kpi.Definition))).Append("</h3>");
            var own = values.Where(v => v.TeamId == teamId).OrderBy(v => v.Period).ToList();
            if (own.Count > 0)
                html.Append(Table(isOrganisation ? "Organisation" : report.Focus.Name, kpi.Definition, own.Select(v => (v.Period.Label, v, (SliceSeries?)report.Focus)).ToList()));
            if (isOrganisation && values.Where(v => !v.IsOrganisation).MaxBy(v => v.Period) is { } latest)
            {
                var teams = values.Where(v => !v.IsOrganisation && v.Period == latest.Period)
                    .Select(v => (Name: report.Teams.FirstOrDefault(t => t.Slice == TrendSlices.Team(v.TeamId))?.Name ?? "a team", Value: v))
                    .OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)
                    .Select(t => (t.Name, t.Value, report.Teams.FirstOrDefault(s => s.Slice == TrendSlices.Team(t.Value.TeamId))))
                    .ToList();
                html.Append(Table($"Team, {latest.Period.Label}", kpi.Definition, teams));
            }

            foreach (var finding in isOrganisation ? KpiOverview.FindingsFor(kpi, report) : [])
                html.Append("<p class=\"").Append(finding.IsClear ? "association" : "legend").Append("\">").Append(E(finding.Sentence)).Append("</p>");
        }

        if (shown == 0)
        {
            var kinds = kpis.SelectMany(k => k.Values).Select(v => v.Period.Kind).Distinct().Order().Select(k => TrendText.PeriodWord(k, 1));
            html.Append("<p>").Append(E($"No KPI values for these {TrendText.PeriodWord(report.Kind, 2)}. KPIs are imported by {string.Join(" and ", kinds)}: open the report by that period to see them.")).Append("</p>");
        }

        return html.Append("<p class=\"legend\">Associations use Spearman's rank correlation, only with at least ").Append(RankCorrelation.MinimumPairs)
            .Append(" teams or periods that have both a KPI value and a shown staff figure, and are called clear only at the 5% level. They describe what went together, not what caused what.</p>")
            .ToString();
    }

    /// <summary>The KPI's values of the report's period kind within its periods.</summary>
    public static IEnumerable<KpiValue> InReport(KpiSeries kpi, TrendReport report)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(report);
        return report.IsEmpty ? [] : kpi.Values.Where(v => v.Period.Kind == report.Kind && v.Period >= report.Periods[0] && v.Period <= report.Periods[^1]);
    }

    private static string Table(string heading, KpiDefinition definition, IReadOnlyList<(string Label, KpiValue Value, SliceSeries? Slice)> rows)
    {
        var html = new StringBuilder("<table><thead><tr><th>").Append(E(heading)).Append("</th><th>").Append(E(definition.Name)).Append("</th>");
        foreach (var measure in TrendMeasure.Indices)
            html.Append("<th>").Append(E(TrendMeasure.Name(measure))).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var (label, value, slice) in rows)
        {
            html.Append("<tr><td>").Append(E(label)).Append("</td><td>").Append(E(KpiText.Value(definition, value.Value))).Append("</td>");
            foreach (var measure in TrendMeasure.Indices)
            {
                var staff = KpiText.Staff(measure, KpiText.Figure(slice, measure, value.Period));
                html.Append("<td>").Append(E(staff[(TrendMeasure.Name(measure).Length + 1)..])).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
