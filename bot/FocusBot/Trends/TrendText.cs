using System.Globalization;
using FocusBot.Domain.Trends;

namespace FocusBot.Trends;

/// <summary>How trend figures are written in cards, the page and the export, so every route says the same thing.</summary>
public static class TrendText
{
    public static string HiddenMessage(int minimumGroupSize) =>
        string.Create(CultureInfo.InvariantCulture, $"Hidden: fewer than {minimumGroupSize} people, or to protect a smaller group");

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

    public static string Change(PublishedFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        if (!figure.IsShown || figure.Change is not { } change)
            return "no comparison";
        var points = change.DifferencePoints.ToString("+0;-0;0", CultureInfo.InvariantCulture) + " pts";
        return change.Label switch
        {
            ChangeLabel.Rising => "▲ Rising, " + points,
            ChangeLabel.Falling => "▼ Falling, " + points,
            _ => "● Stable, " + points,
        };
    }

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
