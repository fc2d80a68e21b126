using System.Globalization;
using System.Text;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Trends;
using FocusBot.Kpis;
using FocusBot.Trends;

namespace FocusBot.Review;

/// <summary>
/// The pack as one CSV for the audit file: a row per record or figure, its section and the part of clause 5.1.2 it
/// supports in the first columns, so it sorts and filters by section. Text cells are neutralised against formula
/// injection (<see cref="TrendCsv.Text"/>).
/// </summary>
public static class ReviewPackCsv
{
    public const string Header = "section,clause,date,period,group,item,value,n,change,detail,by,due,status";

    public static string Write(ReviewPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var csv = new StringBuilder(Header).Append("\r\n");
        void Row(string section, string clause, string date = "", string period = "", string group = "", string item = "", string value = "", string n = "",
            string change = "", string detail = "", string by = "", string due = "", string status = "") =>
            csv.AppendJoin(',', section, clause, date, period, TrendCsv.Text(group), TrendCsv.Text(item), value, n, TrendCsv.Text(change), TrendCsv.Text(detail),
                TrendCsv.Text(by), due, TrendCsv.Text(status)).Append("\r\n");

        foreach (var insight in pack.Insights)
            Row("leadership", "5.1.2 (c)", date: Day(insight.SendAt), item: insight.Title, value: Count(insight.GotItCount), detail: "insight; source: " + insight.Source, by: insight.AuthorName);
        foreach (var r in pack.ExecutiveRecognitions)
        {
            Row("leadership", "5.1.2 (c)", date: Day(r.CreatedAt), group: pack.TeamNames.GetValueOrDefault(r.TeamId) ?? string.Empty, item: $"{r.RecipientName}: {r.Behaviour}",
                detail: "executive recognition: " + r.Story, by: r.AuthorName);
        }

        Row("leadership", "5.1.2 (c)", period: Range(pack), item: "colleague recognitions", value: Count(pack.ColleagueRecognitions));

        var figures = pack.Figures;
        // A range none of whose periods is final yet has no figures at all (the page says so).
        foreach (var measure in figures.IsEmpty ? [] : TrendMeasure.Indices.Append(TrendMeasure.Participation))
        {
            foreach (var point in figures.Organisation[measure].Points)
                Figure(figures.Organisation.Name, point);
            foreach (var team in figures.Teams)
                Figure(team.Name, team[measure].Latest);
        }

        foreach (var adjusted in figures.FairKnowledge?.Points.OfType<AdjustedKnowledge>() ?? [])
        {
            Row("staff", "5.1.2 (a) (c)", period: adjusted.Period.Key, group: figures.Organisation.Name, item: TrendCsv.AdjustedMeasure, value: Number(adjusted.Percent),
                n: Count(adjusted.N), change: TrendText.Change(adjusted), detail: "raw % correct " + Number(adjusted.RawPercent));
        }

        foreach (var team in pack.Levels.Teams)
        {
            Row("levels", "5.1.2 (a)", date: Day(pack.Range.LastDay), group: team.Name, item: "programme level", value: Count(team.Reached),
                detail: team.Next is { } next ? LevelGapWords.Towards(next) + ": " + string.Join("; ", team.Gaps.Select(LevelGapWords.Describe)) : LevelGapWords.Reached(team));
        }

        foreach (var kpi in pack.Kpis)
        {
            foreach (var value in kpi.Values.OrderBy(v => v.Period).ThenBy(v => v.TeamId, StringComparer.Ordinal))
            {
                Row("kpis", "5.1.2 (a) (c)", period: value.Period.Key, group: value.IsOrganisation ? figures.Organisation.Name : pack.TeamNames.GetValueOrDefault(value.TeamId) ?? "a team",
                    item: kpi.Definition.Name, value: Number(value.Value), detail: kpi.Definition.Unit + ", " + kpi.Definition.DirectionText);
            }

            foreach (var finding in pack.KpiFigures.Values.SelectMany(report => KpiOverview.FindingsFor(kpi, report)))
                Row("kpis", "5.1.2 (a) (c)", item: kpi.Definition.Name, detail: finding.Sentence, status: finding.IsClear ? "clear association" : "no clear association");
        }

        foreach (var e in pack.Events)
            Row("events", "5.1.2 (c)", date: Day(e.Date), group: ReviewClauses.For(e, pack.TeamNames), item: e.Title, detail: e.Kind.ToString());
        foreach (var theme in figures.Themes)
            Row("voice", "5.1.2 (b)", period: Range(pack), item: theme.Term, value: Count(theme.Mentions), detail: "Voice theme: comments using the phrase");
        foreach (var action in pack.Actions)
        {
            Row("voice", "5.1.2 (b)", date: Day(action.CreatedAt), item: action.Change, detail: "action in answer to " + (action.Theme ?? "the comments in general"), by: action.Owner,
                due: Day(action.DueDate), status: ReviewClauses.Status(action, pack.Range));
        }

        return csv.ToString();

        void Figure(string group, PublishedFigure point) =>
            Row("staff", "5.1.2 (a) (c)", period: point.Period.Key, group: group, item: TrendMeasure.Name(point.Measure),
                value: point.IsShown ? Number(point.Value) : point.Status == FigureStatus.Hidden ? "hidden" : string.Empty,
                n: point.IsShown && point.N is { } n ? Count(n) : string.Empty, change: point.IsShown ? TrendText.Change(point) : string.Empty);
    }

    private static string Range(ReviewPack pack) => pack.Range.First.Key + ".." + pack.Range.Last.Key;

    private static string Day(DateTimeOffset at) => Day(DateOnly.FromDateTime(at.UtcDateTime));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : string.Empty;
}
