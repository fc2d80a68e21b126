using System.Globalization;
using FocusBot.Cards;
using FocusBot.Domain.Trends;

namespace FocusBot.Trends;

/// <summary>
/// The `trends` card and the weekly digests: the three indices side by side (never blended) with change line, n
/// and a text sparkline; participation and advocacy; a per-team table (a team's: the team beside the organisation, but
/// for a Manager the team alone); the top Voice themes; what the marks mean; links to the full report and the CSV. Everything on it comes from a <see cref="TrendReport"/>, so it only shows what the
/// privacy gate let out.
/// </summary>
public static class TrendCard
{
    public const string Title = "Customer focus trends";
    public const int MaxTeamRows = 10;

    /// <summary>A sparkline keeps to one line: about as many characters as a third of a phone-width card holds.</summary>
    public const int MaxSparklinePoints = 12;

    /// <param name="footnote">A last line in small print, e.g. how to stop a digest.</param>
    public static AdaptiveCard Create(TrendReport report, string? dimension, Uri? reportUrl, Uri? csvUrl, string? heading = null, string? footnote = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        // A team's name comes from Teams and can hold markdown; the fallback text is not rendered, so it stays plain.
        var title = heading ?? $"{Title}: {CardText.Plain(report.Focus.Name, CardText.MaxEscapedLength)}";
        var shownTitle = heading is null ? $"{Title}: {CardText.Escape(report.Focus.Name)}" : CardText.Escape(heading);
        List<CardElement> body = [new TextBlock(shownTitle) { Size = "Medium", Weight = "Bolder" }];
        if (report.IsEmpty)
        {
            body.Add(new TextBlock("No results yet. Figures appear once a pulse has closed and its results have been checked for privacy.") { IsSubtle = true });
            return new AdaptiveCard { FallbackText = title, Body = body };
        }

        var last = report.Periods[^1];
        body.Add(new TextBlock(string.Create(CultureInfo.InvariantCulture,
            $"{report.Periods.Count} {TrendText.PeriodWord(report.Kind, report.Periods.Count)} to {TrendText.Named(last)}. n = respondents; groups under {report.MinimumGroupSize} are hidden."))
        { IsSubtle = true, Spacing = "None" });

        var indices = dimension is null ? TrendMeasure.Indices : [dimension];
        body.Add(new ColumnSet([.. indices.Select(measure => IndexColumn(report.Focus[measure]))]) { Spacing = "Medium" });
        body.Add(new FactSet(Facts(report, indices)) { Spacing = "Medium" });
        body.AddRange(TeamTable(report, indices));
        body.AddRange(Themes(report));
        body.Add(new TextBlock(string.Join("\n\n", TrendText.Legend(report))) { IsSubtle = true, Size = "Small", Spacing = "Medium", Separator = true });
        if (report.FairKnowledge?.Latest is not null && indices.Contains(TrendMeasure.Knowledge))
            body.Add(new TextBlock(KnowledgeScale.Method) { IsSubtle = true, Size = "Small", Spacing = "Small" });
        if (footnote is not null)
            body.Add(new TextBlock(CardText.Escape(footnote)) { IsSubtle = true, Size = "Small", Spacing = "Small" });

        List<CardAction> actions = [];
        if (reportUrl is not null)
            actions.Add(new OpenUrlAction("Open full report", reportUrl));
        if (csvUrl is not null)
            actions.Add(new OpenUrlAction("Download CSV", csvUrl));
        return new AdaptiveCard { FallbackText = title, Body = body, Actions = actions.Count == 0 ? null : actions };
    }

    private static Column IndexColumn(MeasureSeries series)
    {
        var latest = series.Latest;
        return new Column(
        [
            new TextBlock(TrendMeasure.Name(series.Measure)) { Weight = "Bolder" },
            new TextBlock(TrendText.Value(latest)) { Size = "ExtraLarge", Spacing = "None" },
            new TextBlock(TrendText.MeasureDescription(series.Measure)) { IsSubtle = true, Size = "Small", Spacing = "None" },
            new TextBlock(TrendText.Change(latest)) { Color = TrendText.ChangeColor(latest), Size = "Small" },
            new TextBlock(TrendText.N(latest) is { Length: > 0 } n ? n : "n hidden") { IsSubtle = true, Size = "Small", Spacing = "None" },
            new TextBlock(Sparkline.Of([.. series.Points.TakeLast(MaxSparklinePoints)])) { FontType = "Monospace", Spacing = "Small", Wrap = false, MaxLines = 1 },
        ])
        { Width = "stretch" };
    }

    private static List<Fact> Facts(TrendReport report, IReadOnlyList<string> indices)
    {
        var participation = report.Focus[TrendMeasure.Participation].Latest;
        List<Fact> facts =
        [
            new("Participation", participation.IsShown
                ? string.Create(CultureInfo.InvariantCulture, $"{TrendText.Percent(participation.Value)} ({participation.Answered} of {participation.N} sent) · {TrendText.Change(participation)}")
                : TrendText.Value(participation)),
        ];
        if (indices.Contains(TrendMeasure.Knowledge) && report.FairKnowledge?.Latest is { } adjusted)
            facts.Add(new Fact("Knowledge, fair scale", TrendText.Adjusted(adjusted)));
        var advocacy = report.Focus[TrendMeasure.Advocacy].Latest;
        if (advocacy.Status != FigureStatus.NotAvailable)
            facts.Add(new Fact("Advocacy (eNPS)", advocacy.IsShown ? $"{TrendText.Value(advocacy)} ({TrendText.N(advocacy)})" : TrendText.Value(advocacy)));
        var behaviour = report.Focus[TrendMeasure.Behaviour].Latest;
        if (behaviour.IsShown && behaviour.Mean is { } frequency)
            facts.Add(new Fact("Behaviour mean", frequency.ToString("0.0", CultureInfo.InvariantCulture) + " (0 never – 3 four or more times)"));
        var attitude = report.Focus[TrendMeasure.Attitude].Latest;
        if (attitude.IsShown && attitude.Mean is { } mean)
            facts.Add(new Fact("Attitude mean", string.Create(CultureInfo.InvariantCulture, $"{mean:0.0} of 5 · {TrendText.Percent(attitude.Secondary)} unfavourable")));
        return facts;
    }

    private static IEnumerable<CardElement> TeamTable(TrendReport report, IReadOnlyList<string> indices)
    {
        // A Manager's card is their team alone: nothing to compare it with.
        List<SliceSeries> rows = report.Focus.Slice == TrendSlices.Org ? [.. report.Teams.Take(MaxTeamRows)] : report.TeamOnly ? [] : [report.Focus, report.Organisation];
        if (rows.Count == 0)
            yield break;
        yield return new TextBlock(report.Focus.Slice == TrendSlices.Org ? $"By team, {report.Periods[^1].Label}" : $"Compared with the organisation, {report.Periods[^1].Label}")
        { Weight = "Bolder", Spacing = "Medium", Separator = true };
        List<string> measures = [.. indices, TrendMeasure.Participation];
        yield return Row("Team", [.. measures.Select(ShortName)], header: true);
        foreach (var row in rows)
            yield return Row(CardText.Escape(row.Name), [.. measures.Select(m => TrendText.Value(row[m].Latest))], header: false);
        if (report.Focus.Slice == TrendSlices.Org && report.Teams.Count > MaxTeamRows)
            yield return new TextBlock($"and {report.Teams.Count - MaxTeamRows} more teams in the full report") { IsSubtle = true, Size = "Small" };
    }

    /// <summary>Column headings short enough for a phone-width card.</summary>
    private static string ShortName(string measure) => measure switch
    {
        TrendMeasure.Knowledge => "Know.",
        TrendMeasure.Behaviour => "Behav.",
        TrendMeasure.Attitude => "Attit.",
        _ => "Answered",
    };

    private static ColumnSet Row(string name, IReadOnlyList<string> values, bool header) =>
        new([
            new Column([new TextBlock(name) { Weight = header ? "Bolder" : null, MaxLines = 1, Wrap = false }]) { Width = "stretch" },
            .. values.Select(v => new Column([new TextBlock(v) { Weight = header ? "Bolder" : null, Wrap = false }]) { Width = "70px" }),
        ])
        { Spacing = "None" };

    private static IEnumerable<CardElement> Themes(TrendReport report)
    {
        yield return new TextBlock("What people say we could do better for customers") { Weight = "Bolder", Spacing = "Medium", Separator = true };
        if (report.Themes.Count == 0)
        {
            yield return new TextBlock($"Themes appear once at least {report.MinimumCommentGroupSize} people in this group have commented.") { IsSubtle = true };
            yield break;
        }

        yield return new TextBlock(TrendText.Themes(report.Themes));
        yield return new TextBlock(string.Create(CultureInfo.InvariantCulture,
            $"Phrases people wrote, with how many of {report.ThemeCommenters} comments used each (a comment counts once, however often it repeats a phrase)."))
        { IsSubtle = true, Size = "Small", Spacing = "None" };
    }
}
