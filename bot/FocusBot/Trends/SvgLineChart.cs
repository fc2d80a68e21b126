using System.Globalization;
using System.Net;
using System.Text;
using FocusBot.Domain.Trends;

namespace FocusBot.Trends;

/// <summary>
/// An inline SVG line chart of one measure over time, one line per slice. Hidden or unavailable periods break the
/// line instead of being drawn as zero. Styling is by class only (no style attributes), so the page's strict
/// Content-Security-Policy applies.
/// </summary>
public static class SvgLineChart
{
    private const int Width = 720;
    private const int Height = 240;
    private const int Left = 44;
    private const int Right = 16;
    private const int Top = 14;
    private const int Bottom = 36;

    public static string Render(string measure, IReadOnlyList<TrendPeriod> periods, IReadOnlyList<(string Name, IReadOnlyList<PublishedFigure> Points)> series)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(series);
        var (low, high) = measure == TrendMeasure.Advocacy ? (-100.0, 100.0) : (0.0, 100.0);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double X(int i) => Left + (periods.Count == 1 ? plotWidth / 2.0 : plotWidth * i / (double)(periods.Count - 1));
        double Y(double v) => Top + (plotHeight * (high - Math.Clamp(v, low, high)) / (high - low));

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"chart\" data-measure=\"{measure}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Encode(TrendMeasure.Name(measure))} over time\" xmlns=\"http://www.w3.org/2000/svg\">"));
        for (var step = 0; step <= 4; step++)
        {
            var value = low + ((high - low) * step / 4);
            svg.Append(Invariant($"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(value):0.#}\" y2=\"{Y(value):0.#}\"/>"));
            svg.Append(Invariant($"<text class=\"axis\" x=\"{Left - 6}\" y=\"{Y(value) + 4:0.#}\" text-anchor=\"end\">{value:0}</text>"));
        }

        var labelEvery = Math.Max(1, (int)Math.Ceiling(periods.Count / 8.0));
        for (var i = 0; i < periods.Count; i += labelEvery)
            svg.Append(Invariant($"<text class=\"axis\" x=\"{X(i):0.#}\" y=\"{Height - 12}\" text-anchor=\"middle\">{Encode(periods[i].Label)}</text>"));

        for (var s = 0; s < series.Count; s++)
        {
            var (name, points) = series[s];
            var path = new StringBuilder();
            var drawing = false;
            for (var i = 0; i < points.Count && i < periods.Count; i++)
            {
                if (points[i].IsShown && points[i].Value is { } value)
                {
                    path.Append(Invariant($"{(drawing ? "L" : "M")}{X(i):0.#} {Y(value):0.#} "));
                    drawing = true;
                }
                else
                {
                    drawing = false;
                }
            }

            // The first series is the one asked about (or the organisation): drawn heavier, on top of the others.
            var css = s == 0 ? "c0 focus" : $"c{s % 8}";
            svg.Append(Invariant($"<path class=\"series {css}\" data-series=\"{Encode(name)}\" d=\"{path.ToString().TrimEnd()}\"><title>{Encode(name)}</title></path>"));
            for (var i = 0; i < points.Count && i < periods.Count; i++)
            {
                if (points[i].IsShown && points[i].Value is { } value)
                {
                    svg.Append(Invariant($"<circle class=\"point {css}\" cx=\"{X(i):0.#}\" cy=\"{Y(value):0.#}\" r=\"3.5\"><title>{Encode(name)}, {Encode(periods[i].Label)}: {Encode(TrendText.Value(points[i]))} ({Encode(TrendText.N(points[i]))})</title></circle>"));
                }
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
