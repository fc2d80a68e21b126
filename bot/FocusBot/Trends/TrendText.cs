using System.Globalization;
using FocusBot.Cards;
using FocusBot.Domain.Trends;

namespace FocusBot.Trends;

/// <summary>How trend figures are written in cards, the page and the export, so every route says the same thing.</summary>
public static class TrendText
{
    public static string Value(PublishedFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return figure.Status switch
        {
            FigureStatus.Hidden => "hidden",
            FigureStatus.NotAvailable => "–",
            _ when figure.Measure == TrendMeasure.Voice => string.Create(CultureInfo.InvariantCulture, $"{figure.N} comments"),
            _ when figure.Measure == TrendMeasure.Advocacy || (TrendMeasure.IsQuestion(figure.Measure) && TrendMeasure.QuestionParts(figure.Measure).Index == TrendMeasure.Advocacy) =>
                (figure.Value ?? 0).ToString("+0;-0;0", CultureInfo.InvariantCulture),
            _ => Percent(figure.Value),
        };
    }

    public static string Percent(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) + "%" : "–";

    public static string N(PublishedFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return figure.IsShown && figure.N is { } n ? "n " + n.ToString(CultureInfo.InvariantCulture) : string.Empty;
    }

    /// <summary>
    /// The change line of a figure: what it is compared with, and either the direction of a clear change ("▲ up 12 pts vs
    /// the week before") or why a difference is not one ("● -10 pts vs the week before: not a clear change with 46 and 50
    /// people"), or why there is no comparison. Never "Stable": a difference the test cannot tell from chance may still
    /// be real, and saying nothing moved was the one thing the label must not claim.
    /// </summary>
    public static string Change(PublishedFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        switch (figure.Status)
        {
            case FigureStatus.Hidden:
                return "hidden, so not compared";
            case FigureStatus.NotAvailable:
                return "no results to compare";
        }

        return figure.Change is { } change && figure.Baseline is { } baseline
            ? Compared(figure.Period, change, baseline)
            : NoComparison(figure.Period, figure.NoChange, figure.Baseline);
    }

    /// <summary>"58% adjusted · 71% raw on 2 items · ● -3 pts vs the week before: ...": the fair scale beside the raw figure it adjusts.</summary>
    public static string Adjusted(AdjustedKnowledge figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Percent(figure.Percent)} adjusted · {Percent(figure.RawPercent)} raw on {figure.ItemsAsked} {(figure.ItemsAsked == 1 ? "item" : "items")} · {Change(figure)}");
    }

    /// <summary>The change line of an adjusted knowledge figure, in the words of the raw one.</summary>
    public static string Change(AdjustedKnowledge figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return figure.Change is { } change && figure.Baseline is { } baseline
            ? Compared(figure.Period, change, baseline)
            : NoComparison(figure.Period, figure.NoChange, figure.Baseline);
    }

    private static string NoComparison(TrendPeriod period, NoChangeReason reason, TrendPeriod? baseline) => reason switch
    {
        NoChangeReason.EarlierHidden when baseline is { } hidden => $"no comparison: {Earlier(period, hidden)} is hidden",
        NoChangeReason.NotTested => "no change test for this measure",
        _ => string.Create(CultureInfo.InvariantCulture,
            $"no comparison: no results in the {TrendComparison.Reach(period.Kind)} {PeriodWord(period.Kind, TrendComparison.Reach(period.Kind))} before"),
    };

    private static string Compared(TrendPeriod period, ChangeAssessment change, TrendPeriod baseline)
    {
        var against = "vs " + Earlier(period, baseline);
        var size = Points(Math.Abs(change.DifferencePoints));
        var signed = Points(change.DifferencePoints, signed: true);
        return change.Label switch
        {
            ChangeLabel.Rising => $"▲ up {size} {against}",
            ChangeLabel.Falling => $"▼ down {size} {against}",
            ChangeLabel.NotSignificant => $"● {signed} {against}: not a clear change with {People(change)}",
            _ => string.Create(CultureInfo.InvariantCulture, $"● {signed} {against}: little change (under {ChangeClassifier.MinimumDifferencePoints:0} pts)"),
        };
    }

    /// <summary>"the week before" when it is the period just before, otherwise which one: "the week of 12 Oct 2026", "Sep 2026".</summary>
    public static string Earlier(TrendPeriod period, TrendPeriod earlier) =>
        earlier == period.Previous() ? "the " + PeriodWord(period.Kind, 1) + " before" : Named(earlier);

    /// <summary>The themes on one line, each with how many comments used it: "faster refunds (4) · order tracking (3)", escaped for a card.</summary>
    public static string Themes(IEnumerable<VoiceTheme> themes) =>
        string.Join(" · ", themes.Select(t => string.Create(CultureInfo.InvariantCulture, $"{CardText.Escape(t.Term)} ({t.Mentions})")));

    /// <summary>A period inside a sentence: "the week of 23 Nov 2026", "Nov 2026", "Q4 2026".</summary>
    public static string Named(TrendPeriod period) => period.Kind == PeriodKind.Week ? "the " + period.Label : period.Label;

    /// <summary>
    /// What the marks mean, for the card and the page: a reader should never have to guess what "●" or "–" says or what
    /// a change is measured against.
    /// </summary>
    public static IReadOnlyList<string> Legend(TrendReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Legend(report.Kind, report.MinimumGroupSize);
    }

    /// <summary>The legend of figures by <paramref name="kind"/> with groups under <paramref name="minimumGroupSize"/> hidden.</summary>
    public static IReadOnlyList<string> Legend(PeriodKind kind, int minimumGroupSize)
    {
        var period = PeriodWord(kind, 1);
        return
        [
            string.Create(CultureInfo.InvariantCulture,
                $"Each figure is compared with the previous {period} with results: usually the {period} before; when a question was not asked then, the last {period} it was."),
            string.Create(CultureInfo.InvariantCulture,
                $"▲ up / ▼ down: a clear change, at least {ChangeClassifier.MinimumDifferencePoints:0} pts and significant at 90% (Fisher's exact test for small groups, otherwise the two-proportion z-test; each person counted once)."),
            string.Create(CultureInfo.InvariantCulture,
                $"● not a clear change: the difference could be chance with this many people, or it is under {ChangeClassifier.MinimumDifferencePoints:0} pts. It may still be real; more weeks will tell."),
            string.Create(CultureInfo.InvariantCulture,
                $"n = people who answered. – = no results. hidden = fewer than {minimumGroupSize} people, or hidden so a smaller group cannot be worked out."),
        ];
    }

    private static string Points(double points, bool signed = false) =>
        points.ToString(signed ? "+0;-0;0" : "0", CultureInfo.InvariantCulture) + " pts";

    private static string People(ChangeAssessment change) =>
        change.PeopleNow == change.PeopleBefore
            ? string.Create(CultureInfo.InvariantCulture, $"{change.PeopleNow} people")
            : string.Create(CultureInfo.InvariantCulture, $"{change.PeopleNow} and {change.PeopleBefore} people");

    /// <summary>Card colour of a change label.</summary>
    public static string? ChangeColor(PublishedFigure figure) => figure?.Change?.Label switch
    {
        ChangeLabel.Rising => "Good",
        ChangeLabel.Falling => "Attention",
        _ => null,
    };

    public static string MeasureDescription(string measure) => measure switch
    {
        TrendMeasure.Knowledge => "% correct",
        TrendMeasure.Behaviour => "% at least 2-3 times a week",
        TrendMeasure.Attitude => "% favourable",
        TrendMeasure.Advocacy => "eNPS (% 9-10 minus % 0-6)",
        TrendMeasure.Participation => "% of people sent the pulse who answered",
        TrendMeasure.Voice => "comments",
        _ => string.Empty,
    };

    public static string PeriodWord(PeriodKind kind, int count) => kind switch
    {
        PeriodKind.Week => count == 1 ? "week" : "weeks",
        PeriodKind.Month => count == 1 ? "month" : "months",
        _ => count == 1 ? "quarter" : "quarters",
    };
}
