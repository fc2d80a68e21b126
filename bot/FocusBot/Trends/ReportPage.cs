using System.Globalization;
using System.Net;
using System.Text;
using FocusBot.Domain.Actions;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;
using FocusBot.Kpis;

namespace FocusBot.Trends;

/// <summary>
/// The report page (HR, Executives, and a Manager for their own team): plain HTML with inline SVG charts (no script at all), built from a <see cref="TrendReport"/>.
/// Each measure has the report's own line in one chart and, for the organisation, a small chart per team on the same
/// scale. Team names, phrases and question texts are HTML-encoded; styles carry the response's CSP nonce.
/// </summary>
public static class ReportPage
{
    /// <summary>Up to this many teams, their small charts are open; beyond it they wait behind a click (still no script).</summary>
    private const int OpenTeamCharts = 12;

    /// <summary>At most this many comments on the page; the count says how many there are.</summary>
    public const int MaxComments = 500;

    /// <param name="comments">The focus group's comments as the privacy gate lets them out, or null for no comments section.</param>
    /// <param name="actions">The tenant's actions ("you said, we did"), newest first, shown beside the themes they answer.</param>
    /// <param name="events">The tenant's programme events in the report's periods, marked on the charts of the groups they were for.</param>
    /// <param name="levels">The programme levels of the report's teams (the focus team alone on a team's page), or null for no such section.</param>
    /// <param name="kpis">The tenant's customer KPIs, shown beside the staff figures of the same periods.</param>
    public static string Render(TrendReport report, string nonce, string csvHref, Func<string, string?> teamHref, DateTimeOffset expiresAt,
        PublishedComments? comments = null, IReadOnlyList<ProgrammeAction>? actions = null, IReadOnlyList<ProgrammeEvent>? events = null,
        ProgrammeLevelsReport? levels = null, IReadOnlyList<KpiSeries>? kpis = null)
    {
        actions ??= [];
        events ??= [];
        kpis ??= [];
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(teamHref);
        var html = new StringBuilder();
        var title = $"{TrendCard.Title}: {report.Focus.Name}";
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\"><title>").Append(E(title)).Append("</title>")
            .Append("<style nonce=\"").Append(E(nonce)).Append("\">").Append(Styles).Append("</style></head><body><main>");
        html.Append("<header><h1>").Append(E(title)).Append("</h1>");
        if (report.IsEmpty)
        {
            html.Append("<p>No results yet. Figures appear once a pulse has closed and its results have been checked for privacy.</p></header>");
            return html.Append(Actions(actions)).Append(Footer(report, expiresAt)).Append("</main></body></html>").ToString();
        }

        html.Append("<p class=\"sub\">").Append(E(string.Create(CultureInfo.InvariantCulture,
            $"{report.Periods.Count} {TrendText.PeriodWord(report.Kind, report.Periods.Count)} to {TrendText.Named(report.Periods[^1])}. n = respondents (each person once per pulse). Groups under {report.MinimumGroupSize} people are hidden.")))
            .Append("</p><p><a class=\"button\" href=\"").Append(E(csvHref)).Append("\">Download CSV</a></p></header>");

        html.Append("<section class=\"tiles\">");
        foreach (var measure in TrendMeasure.Indices.Append(TrendMeasure.Participation))
            html.Append(Tile(report.Focus[measure]));
        html.Append("</section>");
        html.Append("<section class=\"legend marks\"><h2>Reading the changes</h2><ul>")
            .Append(string.Concat(TrendText.Legend(report).Select(line => "<li>" + E(line) + "</li>"))).Append("</ul></section>");

        foreach (var measure in TrendMeasure.Indices.Append(TrendMeasure.Participation).Append(TrendMeasure.Advocacy))
        {
            if (measure == TrendMeasure.Advocacy && report.Focus[measure].Points.All(p => p.Status == FigureStatus.NotAvailable))
                continue;
            html.Append(MeasureCharts(report, measure, teamHref, events));
            if (measure == TrendMeasure.Knowledge)
                html.Append(FairKnowledge(report));
        }

        html.Append(Events(report, events));
        html.Append(KpiReportSection.Render(report, kpis));

        // A Manager's page is their team alone (the tiles above): there is nothing to compare it with.
        html.Append(SliceTable(report.Focus.Slice == TrendSlices.Org ? "By team" : "Compared with the organisation",
            report.Focus.Slice == TrendSlices.Org ? report.Teams : report.TeamOnly ? [] : [report.Focus, report.Organisation], report, teamHref, TrendMeasure.SliceMeasures.Where(m => m != TrendMeasure.Voice).ToList(),
            latestAsked: false));
        if (levels is not null)
            html.Append(Levels(levels, report.Focus.Slice == TrendSlices.Org));
        // Questions rotate, so a level or topic is seldom asked in the latest period: each row shows the last time it was.
        html.Append(SliceTable("By programme level (whole organisation)", report.Levels, report, _ => null, TrendMeasure.Indices, latestAsked: true));
        html.Append(SliceTable("By topic (whole organisation)", report.Tags, report, _ => null, TrendMeasure.Indices, latestAsked: true));
        html.Append(QuestionTable(report));
        html.Append(Themes(report, actions));
        if (comments is not null)
            html.Append(Comments(comments));
        html.Append(Actions(actions));
        return html.Append(Footer(report, expiresAt)).Append("</main></body></html>").ToString();
    }

    /// <summary>
    /// One measure: the report's own line alone (a team's with the organisation dashed behind it), then for the
    /// organisation a small chart per team, same scale, each with the organisation dashed behind it.
    /// </summary>
    private static string MeasureCharts(TrendReport report, string measure, Func<string, string?> teamHref, IReadOnlyList<ProgrammeEvent> events)
    {
        var html = new StringBuilder("<section><h2>").Append(E(TrendMeasure.Name(measure))).Append(" over time <small>")
            .Append(E(TrendText.MeasureDescription(measure))).Append("</small></h2>");
        var organisation = Line(report.Organisation, measure);
        var isTeamReport = report.Focus.Slice != TrendSlices.Org;
        // A Manager's page is their team alone: no organisation line behind it.
        var reference = isTeamReport && !report.TeamOnly;
        html.Append(SvgLineChart.Render(measure, report.Periods, Line(report.Focus, measure), reference ? organisation : null, markers: Markers(report, report.Focus.Slice, events)));
        html.Append("<p class=\"legend\"><span class=\"key focus\">").Append(E(report.Focus.Name)).Append("</span>");
        if (reference)
            html.Append("<span class=\"key reference\">").Append(E(report.Organisation.Name)).Append(", for reference</span>");
        html.Append("</p>");

        if (!isTeamReport && report.Teams.Count > 0)
        {
            html.Append("<details class=\"teams\"").Append(report.Teams.Count <= OpenTeamCharts ? " open" : string.Empty).Append("><summary>")
                .Append(E(string.Create(CultureInfo.InvariantCulture, $"By team ({report.Teams.Count}): each on the same scale, the organisation dashed behind")))
                .Append("</summary><div class=\"multiples\">");
            foreach (var team in report.Teams)
            {
                var name = teamHref(team.Slice) is { } link ? $"<a href=\"{E(link)}\">{E(team.Name)}</a>" : E(team.Name);
                html.Append("<figure><figcaption>").Append(name).Append(" <span class=\"n\">").Append(E(TrendText.Value(team[measure].Latest))).Append("</span></figcaption>")
                    .Append(SvgLineChart.Render(measure, TeamPeriods(report, team), Line(team, measure), organisation with { Points = [.. organisation.Points.TakeLast(team[measure].Points.Count)] }, ChartSize.Small,
                        Markers(report, team.Slice, events)))
                    .Append("</figure>");
            }

            html.Append("</div></details>");
        }

        return html.Append("</section>").ToString();
    }

    /// <summary>The organisation's knowledge on the fair scale beside raw % correct, period by period, with the method next to it.</summary>
    private static string FairKnowledge(TrendReport report)
    {
        if (report.FairKnowledge is not { } fair || fair.Points.All(p => p is null))
            return string.Empty;
        var html = new StringBuilder("<section id=\"fair-knowledge\"><h2>Knowledge on a fair scale <small>whole organisation</small></h2><p class=\"legend\">")
            .Append(E(KnowledgeScale.Method)).Append(' ')
            .Append(E(string.Create(CultureInfo.InvariantCulture, $"Bank: {fair.BankItems} knowledge {(fair.BankItems == 1 ? "item" : "items")}, difficulties from {fair.AnswersUsed} answers in checked periods.")))
            .Append("</p><table><thead><tr><th>Period</th><th>Raw % correct</th><th>Adjusted index</th><th>Items asked</th><th>n</th><th>Change (adjusted)</th></tr></thead><tbody>");
        foreach (var point in fair.Points.Reverse().OfType<AdjustedKnowledge>())
        {
            html.Append("<tr><td>").Append(E(point.Period.Label)).Append("</td><td>").Append(E(TrendText.Percent(point.RawPercent))).Append("</td><td><strong>")
                .Append(E(TrendText.Percent(point.Percent))).Append("</strong></td><td>").Append(point.ItemsAsked.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(point.N.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(E(TrendText.Change(point))).Append("</td></tr>");
        }

        return html.Append("</tbody></table></section>").ToString();
    }

    /// <summary>
    /// The events a slice's chart marks: every event on the organisation's, a team's own events and the organisation-wide
    /// ones on a team's. Each at the period holding its date (its week, or that week's month or quarter).
    /// </summary>
    private static IReadOnlyList<ChartMarker> Markers(TrendReport report, string slice, IReadOnlyList<ProgrammeEvent> events) =>
        [.. events.Where(e => IsFor(e, slice)).Select(e => new ChartMarker(PeriodOf(e.Date, report.Kind), ProgrammeEventKinds.Title(e.Kind) + ": " + e.Title))];

    private static bool IsFor(ProgrammeEvent programmeEvent, string slice) =>
        slice == TrendSlices.Org || programmeEvent.IsOrganisationWide
        || (TrendSlices.IsTeam(slice) && programmeEvent.TeamIds.Contains(TrendSlices.TeamIdOf(slice), StringComparer.Ordinal));

    private static TrendPeriod PeriodOf(DateOnly date, PeriodKind kind)
    {
        var period = TrendPeriod.WeekOf(date);
        while (period.Kind != kind && period.Parent() is { } parent)
            period = parent;
        return period;
    }

    /// <summary>The events marked on the charts, with who they were for: what a marker's short label stands for.</summary>
    private static string Events(TrendReport report, IReadOnlyList<ProgrammeEvent> events)
    {
        // A team's page (a Manager's too) lists the events its charts mark, not other teams' events.
        var shown = events.Where(e => IsFor(e, report.Focus.Slice) && report.Periods.Contains(PeriodOf(e.Date, report.Kind))).ToList();
        if (shown.Count == 0)
            return string.Empty;
        var html = new StringBuilder("<section id=\"events\"><h2>Programme events marked on the charts</h2><table><thead><tr><th>Date</th><th>Kind</th><th>Event</th><th>For</th></tr></thead><tbody>");
        foreach (var e in shown)
        {
            var who = e.Audience(id => report.Teams.FirstOrDefault(t => t.Slice == TrendSlices.Team(id))?.Name ?? "a team");
            html.Append("<tr><td>").Append(E(e.Date.ToString("d MMM yyyy", CultureInfo.InvariantCulture))).Append("</td><td>").Append(E(ProgrammeEventKinds.Title(e.Kind)))
                .Append("</td><td>").Append(E(e.Title)).Append("</td><td>").Append(E(who)).Append("</td></tr>");
        }

        return html.Append("</tbody></table><p class=\"when\">Type <strong>events</strong> to FocusBot in Teams for each event's before and after.</p></section>").ToString();
    }

    private static ChartLine Line(SliceSeries slice, string measure) => new(slice.Slice, slice.Name, slice[measure].Points);

    /// <summary>A team's series may cover only the latest periods of the report (the card asks for two).</summary>
    private static IReadOnlyList<TrendPeriod> TeamPeriods(TrendReport report, SliceSeries team) => [.. report.Periods.TakeLast(team.Measures[0].Points.Count)];

    private static string Tile(MeasureSeries series)
    {
        var latest = series.Latest;
        var change = ChangeClass(latest);
        return $"<div class=\"tile\"><h3>{E(TrendMeasure.Name(series.Measure))}</h3><p class=\"value\">{E(series.Measure == TrendMeasure.Participation && latest.IsShown ? TrendText.Percent(latest.Value) : TrendText.Value(latest))}</p>"
            + $"<p class=\"what\">{E(TrendMeasure.Participation == series.Measure && latest.IsShown ? string.Create(CultureInfo.InvariantCulture, $"{latest.Answered} of {latest.N} sent answered") : TrendText.MeasureDescription(series.Measure))}</p>"
            + $"<p class=\"change {change}\">{E(TrendText.Change(latest))}</p><p class=\"n\">{E(TrendText.N(latest) is { Length: > 0 } n ? n : "n hidden")}</p></div>";
    }

    private static string ChangeClass(PublishedFigure figure) => figure.Change?.Label switch
    {
        ChangeLabel.Rising => "up",
        ChangeLabel.Falling => "down",
        _ => "flat",
    };

    /// <param name="latestAsked">Each cell shows the latest period the row has results for, and says which, rather than the report's last period.</param>
    private static string SliceTable(string heading, IReadOnlyList<SliceSeries> rows, TrendReport report, Func<string, string?> href, IReadOnlyList<string> measures,
        bool latestAsked)
    {
        if (rows.Count == 0)
            return string.Empty;
        var when = latestAsked ? "latest week each was asked" : report.Periods[^1].Label;
        if (latestAsked && report.Kind != PeriodKind.Week)
            when = $"latest {TrendText.PeriodWord(report.Kind, 1)} each was asked";
        var html = new StringBuilder("<section><h2>").Append(E(heading)).Append(" <small>").Append(E(when)).Append("</small></h2><table><thead><tr><th>Group</th>");
        foreach (var measure in measures)
            html.Append("<th>").Append(E(TrendMeasure.Name(measure))).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr><td>");
            html.Append(href(row.Slice) is { } link ? $"<a href=\"{E(link)}\">{E(row.Name)}</a>" : E(row.Name));
            html.Append("</td>");
            foreach (var measure in measures)
            {
                var series = row.Measures.FirstOrDefault(m => m.Measure == measure);
                var figure = latestAsked ? series?.Points.LastOrDefault(p => p.Status != FigureStatus.NotAvailable) ?? series?.Latest : series?.Latest;
                html.Append(Cell(figure, showPeriod: latestAsked && figure?.Status != FigureStatus.NotAvailable));
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table></section>").ToString();
    }

    /// <summary>One figure as a table cell: value, n and change line, or hidden / not available (the review pack's tables too).</summary>
    internal static string Cell(PublishedFigure? figure, bool showPeriod = false)
    {
        if (figure is null)
            return "<td>–</td>";
        var period = showPeriod ? $"<br><span class=\"when\">{E(figure.Period.Label)}</span>" : string.Empty;
        if (!figure.IsShown)
            return $"<td class=\"{(figure.Status == FigureStatus.Hidden ? "hidden" : "na")}\">{E(TrendText.Value(figure))}{period}</td>";
        var n = TrendText.N(figure);
        return $"<td>{E(TrendText.Value(figure))} <span class=\"n\">{E(n)}</span>{period}<br><span class=\"change {ChangeClass(figure)}\">{E(TrendText.Change(figure))}</span></td>";
    }

    /// <summary>Questions rotate, so each row shows the latest period the question was asked in.</summary>
    private static string QuestionTable(TrendReport report)
    {
        var rows = report.Questions
            .Select(q => (Question: q, Latest: q.Points.LastOrDefault(p => p.Status != FigureStatus.NotAvailable)))
            .Where(r => r.Latest is not null)
            .ToList();
        if (rows.Count == 0)
            return string.Empty;
        var html = new StringBuilder("<section><h2>Questions <small>whole organisation, latest time each was asked</small></h2><table class=\"questions\">")
            .Append("<thead><tr><th>Question</th><th>Index</th><th>Level</th><th>Topics</th><th>Asked</th><th>Result</th></tr></thead><tbody>");
        foreach (var (question, latest) in rows)
        {
            html.Append("<tr><td>").Append(E(question.Text)).Append("</td><td>").Append(E(TrendMeasure.Name(question.Index)))
                .Append("</td><td>").Append(E(ProgrammeLevels.Label(question.Level))).Append("</td><td>").Append(E(string.Join(", ", question.Tags)))
                .Append("</td><td>").Append(E(latest!.Period.Label)).Append("</td>").Append(Cell(latest)).Append("</tr>");
        }

        return html.Append("</tbody></table></section>").ToString();
    }

    private static string Themes(TrendReport report, IReadOnlyList<ProgrammeAction> actions)
    {
        var html = new StringBuilder("<section><h2>What people say we could do better for customers</h2>");
        if (report.Themes.Count == 0)
            return html.Append("<p>").Append(E($"Themes appear once at least {report.MinimumCommentGroupSize} people in this group have commented.")).Append("</p></section>").ToString();
        html.Append("<ol class=\"themes\">");
        foreach (var theme in report.Themes)
        {
            html.Append("<li>").Append(E(theme.Term)).Append(" <span class=\"n\">").Append(E(string.Create(CultureInfo.InvariantCulture, $"{theme.Mentions} comments"))).Append("</span>");
            foreach (var action in actions.Where(a => string.Equals(a.Theme, theme.Term, StringComparison.OrdinalIgnoreCase)))
                html.Append("<br><span class=\"acted\">").Append(E($"Action: {action.Change} ({Status(action)})")).Append("</span>");
            html.Append("</li>");
        }

        return html.Append("</ol><p class=\"legend\">")
            .Append(E(string.Create(CultureInfo.InvariantCulture,
                $"The two- and three-word phrases people used most across {report.ThemeCommenters} comments, written the way most of them wrote it. Each comment counts once for a phrase, however often it repeats it; a person writes one comment per pulse.")))
            .Append("</p></section>").ToString();
    }

    /// <summary>Each team's level and what stands between it and the next, with the rule in words (the card's words).</summary>
    private static string Levels(ProgrammeLevelsReport levels, bool organisation)
    {
        var html = new StringBuilder("<section id=\"levels\"><h2>Programme levels</h2><p class=\"legend\">").Append(E(LevelGapWords.Window(levels)));
        if (organisation && levels.Teams.Count > 0)
            html.Append(' ').Append(E(LevelGapWords.Rotation(levels)));
        html.Append("</p>");
        return html.Append(LevelsTable(levels)).Append("</section>").ToString();
    }

    /// <summary>The levels table (when any team has figures) and the rule in words; the review pack shows the same.</summary>
    internal static string LevelsTable(ProgrammeLevelsReport levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var html = new StringBuilder();
        if (levels.Teams.Count > 0)
        {
            html.Append("<table><thead><tr><th>Team</th><th>Level</th><th>What stands before the next</th></tr></thead><tbody>");
            foreach (var team in levels.Teams)
            {
                html.Append("<tr><td>").Append(E(team.Name)).Append("</td><td>").Append(E(LevelGapWords.Reached(team))).Append("</td><td>");
                if (team.Next is { } next)
                {
                    html.Append(E(LevelGapWords.Towards(next))).Append(":<ul>")
                        .Append(string.Concat(team.Gaps.Select(gap => "<li>" + E(LevelGapWords.Describe(gap)) + "</li>"))).Append("</ul>");
                }

                html.Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        return html.Append("<p class=\"legend\">").Append(E(levels.Rule.InWords())).Append("</p>").ToString();
    }

    /// <summary>The comments verbatim, masked, in the published order, without dates; the same sentence whenever they are hidden.</summary>
    private static string Comments(PublishedComments comments)
    {
        var html = new StringBuilder("<section class=\"comments\"><h2>Comments</h2><p class=\"legend\">").Append(E(CommentsCard.About)).Append("</p>");
        if (CommentsCard.Deleted(comments) is { } deleted)
            html.Append("<p class=\"legend\">").Append(E(deleted)).Append("</p>");
        if (!comments.IsShown)
            return html.Append("<p>").Append(E(CommentsCard.Hidden(comments.Report.MinimumCommentGroupSize))).Append("</p></section>").ToString();
        html.Append("<ul class=\"comments\">");
        foreach (var comment in comments.Comments.Take(MaxComments))
            html.Append("<li>").Append(E(comment)).Append("</li>");
        html.Append("</ul><p class=\"legend\">").Append(E(comments.Comments.Count <= MaxComments
            ? string.Create(CultureInfo.InvariantCulture, $"{comments.Comments.Count} comments.")
            : string.Create(CultureInfo.InvariantCulture, $"Showing {MaxComments} of {comments.Comments.Count} comments.")));
        return html.Append("</p></section>").ToString();
    }

    /// <summary>What leaders have said will change, beside the themes (or the comments in general) each answers.</summary>
    private static string Actions(IReadOnlyList<ProgrammeAction> actions)
    {
        var html = new StringBuilder("<section id=\"actions\"><h2>Actions: you said, we did</h2>");
        if (actions.Count == 0)
            return html.Append("<p>No actions recorded yet. Type <strong>action</strong> to FocusBot in Teams to record what will change in answer to a theme.</p></section>").ToString();
        html.Append("<table><thead><tr><th>Answers</th><th>What will change</th><th>Owner</th><th>Due</th><th>Status</th></tr></thead><tbody>");
        foreach (var action in actions)
        {
            html.Append("<tr><td>").Append(E(action.Theme ?? "Comments in general")).Append("</td><td>").Append(E(action.Change)).Append("</td><td>").Append(E(action.Owner))
                .Append("</td><td>").Append(E(action.DueDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture))).Append("</td><td>").Append(E(StatusName(action.Status))).Append("</td></tr>");
        }

        return html.Append("</tbody></table></section>").ToString();
    }

    private static string Status(ProgrammeAction action) => StatusName(action.Status) + ", due " + action.DueDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string StatusName(ActionStatus status) => status switch
    {
        ActionStatus.InProgress => "In progress",
        ActionStatus.Done => "Done",
        _ => "Planned",
    };

    private static string Footer(TrendReport report, DateTimeOffset expiresAt)
    {
        string[] notes =
        [
            "Periods: a week is named by its Monday (\"week of 23 Nov 2026\"); a month holds the weeks whose Thursday falls in it, so weeks add up exactly to months and months to quarters. Programme levels: 1 Basic knowledge (Basic Customer Knowledge), 2 Deeper understanding (Deeper Customer Understanding), 3 Partnership (Customer Partnership).",
            "Knowledge: % of quiz answers that were correct (a person's latest answer counts). Behaviour: % answering at least \"2-3 times\" in the past 7 days; mean on 0 (never) to 3 (4+ times). Attitude: % favourable (4-5 of 5); mean and % unfavourable (1-2) on the cards. Advocacy: eNPS = % 9-10 minus % 0-6. The three indices are shown side by side and never blended.",
            string.Create(CultureInfo.InvariantCulture, $"Changes: each figure is compared with the latest earlier {TrendText.PeriodWord(report.Kind, 1)} that has results for it, looking back at most {TrendComparison.Reach(report.Kind)} {TrendText.PeriodWord(report.Kind, TrendComparison.Reach(report.Kind))}, and never past a hidden one. Up or down only when both have at least {report.MinimumGroupSize} respondents, the difference is at least 5 points, and a two-sided test is significant at 90% (Fisher's exact test when any expected count is under 5, otherwise the two-proportion z-test; each respondent counts once). A smaller or less certain difference is \"not a clear change\": too few people to tell it from chance, or under 5 points."),
            string.Create(CultureInfo.InvariantCulture, $"Privacy: figures of fewer than {report.MinimumGroupSize} people are hidden, and so are figures that would let a hidden one be worked out by subtraction. Voice themes need {report.MinimumCommentGroupSize} people who commented. Results appear once a pulse has closed."),
            string.Create(CultureInfo.InvariantCulture, $"This page needs no login: the link is the key. It works until {expiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC and only while you hold the HR role. Please do not forward it."),
        ];
        return "<footer><h2>How to read this report</h2><ul>" + string.Concat(notes.Select(note => "<li>" + E(note) + "</li>")) + "</ul></footer>";
    }

    /// <summary>The refusal page for an invalid, expired or someone else's link.</summary>
    /// <param name="command">The command that makes a new link.</param>
    public static string Refusal(string reason, string nonce, string command = "trends") =>
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"referrer\" content=\"no-referrer\"><title>Report link refused</title>"
        + $"<style nonce=\"{E(nonce)}\">{Styles}</style></head><body><main><h1>You cannot open this report</h1><p>{E(reason)}</p>"
        + $"<p>Type <strong>{E(command)}</strong> to FocusBot in Teams to get a new link (links work for 24 hours, and only for people who may read what they show).</p></main></body></html>";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    internal const string Styles =
        "body{font-family:'Segoe UI',system-ui,sans-serif;margin:0;background:#f5f5f7;color:#242424}main{max-width:980px;margin:0 auto;padding:24px}"
        + "h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.15rem;margin:28px 0 8px}h2 small{font-weight:normal;color:#616161;font-size:.85rem}"
        + ".sub,.legend,footer{color:#616161;font-size:.9rem}.button{display:inline-block;background:#5b5fc7;color:#fff;padding:6px 14px;border-radius:4px;text-decoration:none}"
        + ".tiles{display:flex;gap:12px;flex-wrap:wrap}.tile{background:#fff;border-radius:8px;padding:12px 16px;flex:1;min-width:180px;box-shadow:0 1px 2px #0002}"
        + ".tile h3{margin:0;font-size:1rem}.tile .value{font-size:2rem;margin:4px 0}.tile p{margin:2px 0}.what,.n{color:#616161;font-size:.85rem}"
        + ".change.up{color:#0e700e}.change.down{color:#c50f1f}.change{font-size:.85rem}"
        + "section{background:#fff;border-radius:8px;padding:4px 16px 12px;margin-top:16px;box-shadow:0 1px 2px #0002}.tiles{background:none;box-shadow:none;padding:0}"
        + "svg.chart{width:100%;height:auto}.grid{stroke:#e0e0e0;stroke-width:1}.axis{fill:#616161;font-size:11px}"
        + ".series{fill:none}.series.focus{stroke:#242424;stroke-width:3}.series.reference{stroke:#8a8886;stroke-width:1.5;stroke-dasharray:5 4}"
        + ".point{stroke:#fff;stroke-width:1}.point.focus{fill:#242424}.chart.small .series.focus{stroke-width:2}.chart.small .axis{font-size:13px}"
        + ".key{margin-right:14px}.key:before{content:'';display:inline-block;width:14px;height:0;margin-right:5px;vertical-align:middle;border-top:3px solid #242424}"
        + ".key.reference:before{border-top:2px dashed #8a8886}"
        + ".multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:12px}figure{margin:0}figcaption{font-size:.9rem;margin-bottom:2px}"
        + "details.teams summary{cursor:pointer;color:#616161;margin:8px 0}.when{color:#616161;font-size:.85rem}.marks ul{margin:4px 0;padding-left:20px}"
        + "table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #eee;vertical-align:top}td.hidden,td.na{color:#8a8886}"
        + "footer{margin-top:24px}.acted{color:#0e700e;font-size:.85rem}"
        + ".association{font-weight:600}h3{font-size:1rem;margin:16px 0 6px}"
        + ".marker line{stroke:#5b5fc7;stroke-width:1.5;stroke-dasharray:2 3}.marker-label{fill:#5b5fc7;font-size:11px}";
}
