using System.Globalization;
using System.Text;
using FocusBot.Domain.Trends;
using FocusBot.Kpis;

namespace FocusBot.Trends;

/// <summary>
/// The CSV export: the same published aggregates as the page (never raw answers), one row per figure. Each period has
/// its key ("W2026-48") and its first and last day as ISO 8601 dates, which a spreadsheet sorts and charts as dates; a
/// change names the first day of the period it compares with. Text that a spreadsheet would run as a formula
/// (starting with = + - @, a tab or a carriage return) gets a leading apostrophe; numbers are written by FocusBot
/// itself, invariant culture.
/// </summary>
public static class TrendCsv
{
    public const string Header =
        "group_type,group,measure,period,period_start,period_end,status,value,mean,secondary,n,answered,change,difference_points,p_value,test,compared_with";

    /// <summary>The measure column of the fair-scale knowledge rows.</summary>
    public const string AdjustedMeasure = "Knowledge adjusted (Rasch)";

    /// <param name="kpis">Customer KPIs: their values in the report's periods (of its group, or every team's on the organisation's report) follow as customer_kpi rows.</param>
    public static string Write(TrendReport report, IReadOnlyList<KpiSeries>? kpis = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder(Header).Append("\r\n");
        void Series(string type, SliceSeries slice)
        {
            foreach (var measure in slice.Measures)
            {
                foreach (var point in measure.Points)
                    Row(csv, type, slice.Name, TrendMeasure.Name(measure.Measure), point);
            }
        }

        Series(report.Focus.Slice == TrendSlices.Org ? "organisation" : "team", report.Focus);
        if (report.Focus.Slice != TrendSlices.Org)
        {
            if (!report.TeamOnly)
                Series("organisation", report.Organisation);
        }
        else
        {
            foreach (var team in report.Teams)
                Series("team", team);
        }

        foreach (var adjusted in report.FairKnowledge?.Points.OfType<AdjustedKnowledge>() ?? [])
            AdjustedRow(csv, report.Organisation.Name, adjusted);
        foreach (var level in report.Levels)
            Series("level", level);
        foreach (var tag in report.Tags)
            Series("topic", tag);
        foreach (var question in report.Questions)
        {
            foreach (var point in question.Points.Where(p => p.Status != FigureStatus.NotAvailable))
                Row(csv, "question", question.Text, TrendMeasure.Name(question.Index), point);
        }

        foreach (var theme in report.Themes)
        {
            csv.Append(string.Join(',', "voice_theme", Text(theme.Term), "Voice", Text(report.Periods[0].Key + ".." + report.Periods[^1].Key), Date(report.Periods[0].FirstDay),
                Date(report.Periods[^1].LastDay), "shown", string.Empty, string.Empty, string.Empty, theme.Mentions.ToString(CultureInfo.InvariantCulture), string.Empty,
                string.Empty, string.Empty, string.Empty, string.Empty, string.Empty)).Append("\r\n");
        }

        foreach (var kpi in kpis ?? [])
        {
            foreach (var value in KpiReportSection.InReport(kpi, report).Where(v => report.Focus.Slice == TrendSlices.Org || TrendSlices.Team(v.TeamId) == report.Focus.Slice))
            {
                var group = value.IsOrganisation ? "Organisation" : report.Teams.Concat([report.Focus]).FirstOrDefault(t => t.Slice == TrendSlices.Team(value.TeamId))?.Name ?? value.TeamId;
                csv.Append(string.Join(',', "customer_kpi", Text(group), Text($"{kpi.Definition.Name} ({kpi.Definition.Unit})"), value.Period.Key, Date(value.Period.FirstDay),
                    Date(value.Period.LastDay), "shown", Number(value.Value), string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty,
                    string.Empty, string.Empty, string.Empty)).Append("\r\n");
            }
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, string type, string group, string measure, PublishedFigure figure)
    {
        var shown = figure.IsShown;
        string[] cells =
        [
            type, Text(group), Text(measure), figure.Period.Key, Date(figure.Period.FirstDay), Date(figure.Period.LastDay),
            figure.Status switch { FigureStatus.Shown => "shown", FigureStatus.Hidden => "hidden", _ => "not_available" },
            shown ? Number(figure.Value) : string.Empty,
            shown ? Number(figure.Mean) : string.Empty,
            shown ? Number(figure.Secondary) : string.Empty,
            shown && figure.N is { } n ? n.ToString(CultureInfo.InvariantCulture) : string.Empty,
            shown && figure.Answered is { } answered ? answered.ToString(CultureInfo.InvariantCulture) : string.Empty,
            shown && figure.Change is { } change ? change.Label.ToString() : string.Empty,
            shown && figure.Change is { } c1 ? Number(c1.DifferencePoints) : string.Empty,
            shown && figure.Change is { Test: not ChangeTest.None } c2 ? c2.PValue.ToString("0.####", CultureInfo.InvariantCulture) : string.Empty,
            shown && figure.Change is { } c3 ? c3.Test.ToString() : string.Empty,
            shown && figure.Change is not null && figure.Baseline is { } baseline ? Date(baseline.FirstDay) : string.Empty,
        ];
        csv.Append(string.Join(',', cells)).Append("\r\n");
    }

    /// <summary>The fair-scale knowledge index of one period: its value is the adjusted %, its mean column the raw % it adjusts.</summary>
    private static void AdjustedRow(StringBuilder csv, string group, AdjustedKnowledge figure)
    {
        var change = figure.Change;
        string[] cells =
        [
            "organisation", Text(group), AdjustedMeasure, figure.Period.Key, Date(figure.Period.FirstDay), Date(figure.Period.LastDay), "shown",
            Number(figure.Percent), Number(figure.RawPercent), string.Empty, figure.N.ToString(CultureInfo.InvariantCulture), string.Empty,
            change?.Label.ToString() ?? string.Empty,
            change is null ? string.Empty : Number(change.DifferencePoints),
            change is { Test: not ChangeTest.None } ? change.PValue.ToString("0.####", CultureInfo.InvariantCulture) : string.Empty,
            change?.Test.ToString() ?? string.Empty,
            change is not null && figure.Baseline is { } baseline ? Date(baseline.FirstDay) : string.Empty,
        ];
        csv.Append(string.Join(',', cells)).Append("\r\n");
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>A text cell, neutralised against formula injection and quoted as RFC 4180 asks.</summary>
    public static string Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '＝' or '＋' or '－' or '＠')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
