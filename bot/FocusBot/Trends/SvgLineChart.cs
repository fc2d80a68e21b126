using System.Globalization;
using System.Net;
using System.Text;
using FocusBot.Domain.Trends;

namespace FocusBot.Trends;

/// <summary>One slice's points in a chart.</summary>
public sealed record ChartLine(string Slice, string Name, IReadOnlyList<PublishedFigure> Points);

/// <summary>A programme event at the period holding it: a labelled vertical line on the chart.</summary>
public sealed record ChartMarker(TrendPeriod Period, string Label);

/// <summary>A full-width chart, or one of a grid of small charts (one per team).</summary>
public enum ChartSize
{
    Full,
    Small,
}

/// <summary>
/// An inline SVG line chart of one measure over time: one slice's line, and at most one other as a thin dashed
/// reference (the organisation behind a team). Six teams on one chart were a tangle nobody could follow, so a chart
/// takes one line by design; teams get a small chart each, all on the same fixed scale (0-100, eNPS -100 to 100) so
/// they compare at a glance. Hidden or unavailable periods break the line instead of being drawn as zero. Styling is
/// by class only (no style attributes), so the page's strict Content-Security-Policy applies.
/// </summary>
public static class SvgLineChart
{
    private sealed record Frame(int Width, int Height, int Left, int Right, int Top, int Bottom, int GridSteps, double PointRadius);

    private static readonly Frame s_full = new(720, 240, 44, 16, 14, 36, 4, 3.5);
    private static readonly Frame s_small = new(260, 150, 36, 22, 10, 26, 2, 3);

    /// <param name="markers">Programme events to mark; those outside <paramref name="periods"/> are left out.</param>
    public static string Render(string measure, IReadOnlyList<TrendPeriod> periods, ChartLine line, ChartLine? reference = null, ChartSize size = ChartSize.Full,
        IReadOnlyList<ChartMarker>? markers = null)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(line);
        var frame = size == ChartSize.Full ? s_full : s_small;
        var (low, high) = measure == TrendMeasure.Advocacy ? (-100.0, 100.0) : (0.0, 100.0);
        var plotWidth = frame.Width - frame.Left - frame.Right;
        var plotHeight = frame.Height - frame.Top - frame.Bottom;
        double X(int i) => frame.Left + (periods.Count == 1 ? plotWidth / 2.0 : plotWidth * i / (double)(periods.Count - 1));
        double Y(double v) => frame.Top + (plotHeight * (high - Math.Clamp(v, low, high)) / (high - low));

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"chart{(size == ChartSize.Small ? " small" : string.Empty)}\" data-measure=\"{Encode(measure)}\" data-slice=\"{Encode(line.Slice)}\" "))
            .Append(Invariant($"viewBox=\"0 0 {frame.Width} {frame.Height}\" role=\"img\" aria-label=\"{Encode(line.Name)}: {Encode(TrendMeasure.Name(measure))} over time\" xmlns=\"http://www.w3.org/2000/svg\">"));
        for (var step = 0; step <= frame.GridSteps; step++)
        {
            var value = low + ((high - low) * step / frame.GridSteps);
            svg.Append(Invariant($"<line class=\"grid\" x1=\"{frame.Left}\" x2=\"{frame.Width - frame.Right}\" y1=\"{Y(value):0.#}\" y2=\"{Y(value):0.#}\"/>"));
            svg.Append(Invariant($"<text class=\"axis\" x=\"{frame.Left - 6}\" y=\"{Y(value) + 4:0.#}\" text-anchor=\"end\">{value:0}</text>"));
        }

        // Labels are centred under their point, but the last one ends at the chart's right edge: centred on the last point
        // it ran past the edge and was cut ("Nov 202").
        foreach (var i in AxisLabelIndices(periods.Count, size))
        {
            var last = i == periods.Count - 1 && periods.Count > 1;
            svg.Append(Invariant($"<text class=\"axis\" x=\"{(last ? frame.Width - 2 : X(i)):0.#}\" y=\"{frame.Height - (frame.Bottom / 3)}\" text-anchor=\"{(last ? "end" : "middle")}\">{Encode(periods[i].ShortLabel)}</text>"));
        }

        // Markers under the lines, so a point on the event's week stays readable; a small chart has no room for the label
        // text, so it carries the label as the marker's tooltip only.
        foreach (var group in (markers ?? []).GroupBy(m => m.Period))
        {
            var i = IndexOf(periods, group.Key);
            if (i < 0)
                continue;
            var label = string.Join("; ", group.Select(m => m.Label));
            svg.Append(Invariant($"<g class=\"marker\" data-period=\"{Encode(group.Key.Key)}\"><line x1=\"{X(i):0.#}\" x2=\"{X(i):0.#}\" y1=\"{frame.Top}\" y2=\"{frame.Height - frame.Bottom}\"/>"));
            if (size == ChartSize.Full)
                svg.Append(Invariant($"<text class=\"marker-label\" x=\"{X(i) + 4:0.#}\" y=\"{frame.Top + 10}\">{Encode(Shorten(label))}</text>"));
            svg.Append("<title>").Append(Encode(label)).Append("</title></g>");
        }

        // The reference goes underneath, so the slice asked about is always on top.
        if (reference is not null)
            svg.Append(Invariant($"<path class=\"series reference\" data-series=\"{Encode(reference.Name)}\" d=\"{Path(reference.Points, periods.Count, X, Y)}\"><title>{Encode(reference.Name)}</title></path>"));
        svg.Append(Invariant($"<path class=\"series focus\" data-series=\"{Encode(line.Name)}\" d=\"{Path(line.Points, periods.Count, X, Y)}\"><title>{Encode(line.Name)}</title></path>"));
        for (var i = 0; i < line.Points.Count && i < periods.Count; i++)
        {
            if (line.Points[i].IsShown && line.Points[i].Value is { } value)
            {
                svg.Append(Invariant($"<circle class=\"point focus\" cx=\"{X(i):0.#}\" cy=\"{Y(value):0.#}\" r=\"{frame.PointRadius:0.#}\"><title>"))
                    .Append(Encode(Invariant($"{line.Name}, {periods[i].Label}: {TrendText.Value(line.Points[i])} ({TrendText.N(line.Points[i])})")))
                    .Append("</title></circle>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A full chart labels up to 8 periods; a small one its first and last, which is all its width holds.</summary>
    private static IEnumerable<int> AxisLabelIndices(int count, ChartSize size)
    {
        if (count == 0)
            yield break;
        if (size == ChartSize.Small)
        {
            yield return 0;
            if (count > 1)
                yield return count - 1;
            yield break;
        }

        var every = Math.Max(1, (int)Math.Ceiling(count / 8.0));
        for (var i = 0; i < count; i += every)
            yield return i;
    }

    private static string Path(IReadOnlyList<PublishedFigure> points, int periods, Func<int, double> x, Func<double, double> y)
    {
        var path = new StringBuilder();
        var drawing = false;
        for (var i = 0; i < points.Count && i < periods; i++)
        {
            if (points[i].IsShown && points[i].Value is { } value)
            {
                path.Append(Invariant($"{(drawing ? "L" : "M")}{x(i):0.#} {y(value):0.#} "));
                drawing = true;
            }
            else
            {
                drawing = false;
            }
        }

        return path.ToString().TrimEnd();
    }

    private static int IndexOf(IReadOnlyList<TrendPeriod> periods, TrendPeriod period)
    {
        for (var i = 0; i < periods.Count; i++)
        {
            if (periods[i] == period)
                return i;
        }

        return -1;
    }

    /// <summary>A marker's label on the chart: short enough not to run over the next one; the tooltip has it whole.</summary>
    private static string Shorten(string label) => label.Length <= 40 ? label : label[..39] + "…";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
