using System.Globalization;
using System.Net;
using System.Text;
using FocusBot.Domain.Actions;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Recognitions;
using FocusBot.Domain.Trends;
using FocusBot.Trends;

namespace FocusBot.Review;

/// <summary>
/// The management-review pack as one printable page: each section opens with the part of ISO 9001:2015 clause 5.1.2 it
/// gives evidence for, and starts on a new sheet when printed. No script, styles by nonce only (the report page's rules).
/// </summary>
public static class ReviewPackPage
{
    public const string Title = "Customer focus: management review pack";

    public static string Render(ReviewPack pack, string nonce, string csvHref)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var figures = pack.Figures;
        var html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\"><title>").Append(E($"{Title}, {pack.Range.Label}")).Append("</title><style nonce=\"").Append(E(nonce)).Append("\">")
            .Append(ReportPage.Styles).Append(PrintStyles).Append("</style></head><body><main>");
        html.Append("<header><h1>").Append(E(Title)).Append("</h1><p class=\"sub\">").Append(E(string.Create(CultureInfo.InvariantCulture,
            $"{pack.Range.Label}: {pack.Range.FirstDay:d MMM yyyy} to {pack.Range.LastDay:d MMM yyyy} (whole weeks, Monday to Sunday). Made by FocusBot on {pack.MadeAt:d MMM yyyy HH:mm} UTC for the management review of ISO 9001:2015 clause 5.1.2, customer focus.")))
            .Append("</p><p class=\"noprint\"><a class=\"button\" href=\"").Append(E(csvHref)).Append("\">Download CSV</a> <span class=\"when\">Print from the browser: each section starts on a new page.</span></p></header>");
        html.Append(ClauseMap());
        html.Append(Leadership(pack));
        html.Append(StaffFigures(figures));
        html.Append(Section("levels", ReviewClauses.Levels, ReviewClauses.LevelsSupports).Append("<p class=\"when\">")
            .Append(E(string.Create(CultureInfo.InvariantCulture, $"As they stood at the range's end, {pack.Range.LastDay:d MMM yyyy}: ")))
            .Append(E(pack.Levels.Teams.Count == 0 ? LevelGapWords.NoResultsYet : LevelGapWords.Window(pack.Levels))).Append("</p>")
            .Append(ReportPage.LevelsTable(pack.Levels)).Append("</section>"));
        html.Append(Kpis(pack));
        html.Append(Events(pack));
        html.Append(VoiceAndActions(pack));
        html.Append("<footer><h2>How to read this pack</h2><ul>")
            .Append(string.Concat(TrendText.Legend(figures.Kind, figures.MinimumGroupSize).Select(line => "<li>" + E(line) + "</li>")))
            .Append("<li>").Append(E($"Staff figures come from FocusBot's weekly pulse. Groups under {figures.MinimumGroupSize} people are hidden, and so is any figure from which a smaller group could be worked out; nothing here identifies a person's answers.")).Append("</li>")
            .Append("</ul></footer></main></body></html>");
        return html.ToString();
    }

    private static string ClauseMap() =>
        "<section id=\"clauses\"><h2>What this pack shows for clause 5.1.2</h2><table><thead><tr><th>Clause 5.1.2 asks top management to show customer focus by</th><th>Sections</th></tr></thead><tbody>"
        + string.Concat(ReviewClauses.Map.Select(row => $"<tr><td>{E(row.Clause)}</td><td>{E(string.Join(", ", row.Sections))}</td></tr>"))
        + "</tbody></table></section>";

    private static StringBuilder Section(string id, string heading, string supports) =>
        new StringBuilder("<section id=\"").Append(id).Append("\"><h2>").Append(E(heading)).Append("</h2><p class=\"clause\">").Append(E(supports)).Append("</p>");

    private static string Leadership(ReviewPack pack)
    {
        var html = Section("leadership", ReviewClauses.Leadership, ReviewClauses.LeadershipSupports);
        html.Append("<h3>Customer insights shared</h3>");
        if (pack.Insights.Count == 0)
            html.Append("<p class=\"when\">No insight went out in this range.</p>");
        else
        {
            html.Append("<table><thead><tr><th>Date</th><th>Insight</th><th>Source</th><th>Shared by</th><th>Got it</th></tr></thead><tbody>");
            foreach (var insight in pack.Insights)
            {
                html.Append("<tr><td>").Append(E(Day(insight.SendAt))).Append("</td><td><strong>").Append(E(insight.Title)).Append("</strong>");
                if (insight.KpiName is { Length: > 0 } kpi)
                    html.Append("<br><span class=\"when\">").Append(E($"{kpi}: {insight.KpiValue} {insight.KpiTrend}".Trim())).Append("</span>");
                html.Append("</td><td>").Append(E(insight.Source)).Append("</td><td>").Append(E(insight.AuthorName)).Append("</td><td>")
                    .Append(insight.GotItCount.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("<h3>Executive recognitions</h3>");
        if (pack.ExecutiveRecognitions.Count == 0)
            html.Append("<p class=\"when\">No executive recognition was posted in this range.</p>");
        else
        {
            html.Append("<table><thead><tr><th>Date</th><th>Recognised</th><th>Behaviour</th><th>What they did</th><th>By</th><th>Team</th></tr></thead><tbody>");
            foreach (var recognition in pack.ExecutiveRecognitions)
            {
                html.Append("<tr><td>").Append(E(Day(recognition.CreatedAt))).Append("</td><td>").Append(E(recognition.RecipientName)).Append("</td><td>")
                    .Append(E(recognition.Behaviour)).Append("</td><td>").Append(E(recognition.Story)).Append("</td><td>").Append(E(recognition.AuthorName)).Append("</td><td>")
                    .Append(E(pack.TeamNames.GetValueOrDefault(recognition.TeamId) is { Length: > 0 } team ? team : "a team")).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("<p>").Append(E(string.Create(CultureInfo.InvariantCulture,
            $"Colleagues recognised each other's customer focus {pack.ColleagueRecognitions} {(pack.ColleagueRecognitions == 1 ? "time" : "times")} in the same range."))).Append("</p>");
        return html.Append("</section>").ToString();
    }

    private static string StaffFigures(TrendReport figures)
    {
        var html = Section("staff", ReviewClauses.Staff, ReviewClauses.StaffSupports);
        if (figures.IsEmpty)
            return html.Append("<p class=\"when\">No results yet: figures appear once a pulse has closed and its results have been checked for privacy.</p></section>").ToString();
        html.Append("<table><thead><tr><th>").Append(E(TrendText.PeriodWord(figures.Kind, 1) is var word ? char.ToUpperInvariant(word[0]) + word[1..] : string.Empty)).Append("</th>");
        foreach (var measure in TrendMeasure.Indices.Append(TrendMeasure.Participation))
            html.Append("<th>").Append(E(TrendMeasure.Name(measure))).Append("</th>");
        if (figures.FairKnowledge is not null)
            html.Append("<th>Knowledge, fair scale</th>");
        html.Append("</tr></thead><tbody>");
        for (var i = 0; i < figures.Periods.Count; i++)
        {
            html.Append("<tr><td>").Append(E(figures.Periods[i].Label)).Append("</td>");
            foreach (var measure in TrendMeasure.Indices.Append(TrendMeasure.Participation))
                html.Append(ReportPage.Cell(figures.Organisation[measure].Points[i]));
            if (figures.FairKnowledge is { } fair)
                html.Append("<td>").Append(E(fair.Points[i] is { } adjusted ? TrendText.Adjusted(adjusted) : "–")).Append("</td>");
            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        if (figures.FairKnowledge is not null)
            html.Append("<p class=\"when\">").Append(E(KnowledgeScale.Method)).Append("</p>");
        foreach (var measure in TrendMeasure.Indices)
        {
            html.Append("<h3>").Append(E($"{TrendMeasure.Name(measure)}: {TrendText.MeasureDescription(measure)}")).Append("</h3>")
                .Append(SvgLineChart.Render(measure, figures.Periods, new ChartLine(TrendSlices.Org, figures.Organisation.Name, figures.Organisation[measure].Points), size: ChartSize.Small));
        }

        if (figures.Teams.Count > 0)
        {
            html.Append("<h3>").Append(E($"By team, {figures.Periods[^1].Label}")).Append("</h3><table><thead><tr><th>Team</th>");
            foreach (var measure in TrendMeasure.Indices.Append(TrendMeasure.Participation))
                html.Append("<th>").Append(E(TrendMeasure.Name(measure))).Append("</th>");
            html.Append("</tr></thead><tbody>");
            foreach (var team in figures.Teams)
            {
                html.Append("<tr><td>").Append(E(team.Name)).Append("</td>");
                foreach (var measure in TrendMeasure.Indices.Append(TrendMeasure.Participation))
                    html.Append(ReportPage.Cell(team[measure].Latest));
                html.Append("</tr>");
            }

            html.Append("</tbody></table>");
        }

        return html.Append("</section>").ToString();
    }

    private static string Kpis(ReviewPack pack)
    {
        var html = Section("kpis", ReviewClauses.Kpis, ReviewClauses.KpisSupports);
        if (pack.Kpis.Count == 0)
            return html.Append("<p class=\"when\">No customer KPI was imported for this range. HR imports them with kpis import in Teams, or through the KPI endpoint.</p></section>").ToString();
        foreach (var (_, figures) in pack.KpiFigures.OrderBy(k => k.Key))
            html.Append(KpiReportSection.Body(figures, pack.Kpis));
        return html.Append("</section>").ToString();
    }

    private static string Events(ReviewPack pack)
    {
        var html = Section("events", ReviewClauses.Events, ReviewClauses.EventsSupports);
        if (pack.Events.Count == 0)
            return html.Append("<p class=\"when\">No programme event was recorded in this range.</p></section>").ToString();
        html.Append("<table><thead><tr><th>Date</th><th>Kind</th><th>Event</th><th>For</th></tr></thead><tbody>");
        foreach (var e in pack.Events)
        {
            html.Append("<tr><td>").Append(E(e.Date.ToString("d MMM yyyy", CultureInfo.InvariantCulture))).Append("</td><td>").Append(E(ProgrammeEventKinds.Title(e.Kind)))
                .Append("</td><td>").Append(E(e.Title)).Append("</td><td>").Append(E(ReviewClauses.For(e, pack.TeamNames))).Append("</td></tr>");
        }

        return html.Append("</tbody></table><p class=\"when\">Each event's before and after is in FocusBot: type events in Teams.</p></section>").ToString();
    }

    private static string VoiceAndActions(ReviewPack pack)
    {
        var html = Section("voice", ReviewClauses.Voice, ReviewClauses.VoiceSupports);
        var figures = pack.Figures;
        html.Append("<h3>What staff say could be better for customers</h3>");
        if (figures.Themes.Count == 0)
            html.Append("<p class=\"when\">").Append(E($"Themes appear once at least {figures.MinimumCommentGroupSize} people have commented in the range.")).Append("</p>");
        else
        {
            html.Append("<p>").Append(E(string.Join(" · ", figures.Themes.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Term} ({t.Mentions})"))))).Append("</p><p class=\"when\">")
                .Append(E(string.Create(CultureInfo.InvariantCulture, $"Phrases from {figures.ThemeCommenters} comments, with how many used each."))).Append("</p>");
        }

        html.Append("<h3>Actions taken</h3>");
        if (pack.Actions.Count == 0)
            return html.Append("<p class=\"when\">No action was open or changed in this range.</p></section>").ToString();
        html.Append("<table><thead><tr><th>Recorded</th><th>What changes</th><th>In answer to</th><th>Owner</th><th>Due</th><th>Status</th><th>Stands behind it</th></tr></thead><tbody>");
        foreach (var action in pack.Actions)
        {
            html.Append("<tr><td>").Append(E(Day(action.CreatedAt))).Append("</td><td>").Append(E(action.Change)).Append("</td><td>").Append(E(action.Theme ?? "the comments in general"))
                .Append("</td><td>").Append(E(action.Owner)).Append("</td><td>").Append(E(action.DueDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture))).Append("</td><td>")
                .Append(E(ReviewClauses.Status(action, pack.Range))).Append("</td><td>").Append(E(action.Sponsor == ActionSponsor.Leadership ? "Leadership team" : "HR")).Append("</td></tr>");
        }

        return html.Append("</tbody></table></section>").ToString();
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string PrintStyles =
        "h3{font-size:1rem;margin:16px 0 6px}#staff svg.chart{max-width:560px;display:block}.clause{color:#3b3a39;font-size:.9rem;border-left:3px solid #5b5fc7;padding-left:8px}"
        + "@media print{body{background:#fff}main{max-width:none;padding:0}section{box-shadow:none;border-radius:0;break-before:page;padding:0}"
        + "#clauses{break-before:auto}.noprint{display:none}table{font-size:.8rem}tr{break-inside:avoid}}";
}
