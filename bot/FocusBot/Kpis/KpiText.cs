using System.Globalization;
using FocusBot.Domain.Kpis;
using FocusBot.Domain.Trends;

namespace FocusBot.Kpis;

/// <summary>KPI values and the staff figures beside them as the card and the report page write them.</summary>
public static class KpiText
{
    /// <summary>"81.5%", "+32" (NPS), "12" (a count), "3.2 days".</summary>
    public static string Value(KpiDefinition definition, double value)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var number = value.ToString("0.##", CultureInfo.InvariantCulture);
        return definition.Unit switch
        {
            KpiUnits.Percent => number + "%",
            KpiUnits.Nps => value > 0 ? "+" + number : number,
            KpiUnits.Count => number,
            _ => number + " " + definition.Unit,
        };
    }

    /// <summary>"CSAT (%, higher is better)".</summary>
    public static string Heading(KpiDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return $"{definition.Name} ({definition.Unit}, {definition.DirectionText})";
    }

    /// <summary>"Knowledge 64%": a staff figure as the gate let it out; hidden and missing figures carry no number.</summary>
    public static string Staff(string measure, PublishedFigure? figure) => TrendMeasure.Name(measure) + " " + figure switch
    {
        { IsShown: true, Value: { } value } => value.ToString("0", CultureInfo.InvariantCulture) + "%",
        { Status: FigureStatus.Hidden } => "hidden",
        _ => "no results",
    };

    /// <summary>The slice's figure of <paramref name="measure"/> in <paramref name="period"/>, if the report covers it.</summary>
    public static PublishedFigure? Figure(SliceSeries? slice, string measure, TrendPeriod period) =>
        slice?.Measures.FirstOrDefault(m => m.Measure == measure)?.Points.FirstOrDefault(p => p.Period == period);
}
