using FocusBot.Domain.Trends;

namespace FocusBot.Trends;

/// <summary>
/// A text chart of a series for cards: one block character per period, scaled between the series' low and high (at
/// least 10 points apart, so noise does not look like a cliff); "·" where a figure is hidden or not available. Teams'
/// Adaptive Card chart elements are not used: their schema is not part of the 1.5 schema FocusBot validates against.
/// </summary>
public static class Sparkline
{
    private const string Blocks = "▁▂▃▄▅▆▇█";
    private const double MinimumSpan = 10;

    public static string Of(IReadOnlyList<PublishedFigure> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var values = points.Where(p => p.IsShown && p.Value is not null).Select(p => p.Value!.Value).ToList();
        if (values.Count == 0)
            return new string('·', points.Count);
        var low = values.Min();
        var high = values.Max();
        if (high - low < MinimumSpan)
        {
            var middle = (high + low) / 2;
            low = middle - (MinimumSpan / 2);
            high = middle + (MinimumSpan / 2);
        }

        return string.Concat(points.Select(p => p.IsShown && p.Value is { } v
            ? Blocks[(int)Math.Clamp(Math.Round((v - low) / (high - low) * (Blocks.Length - 1)), 0, Blocks.Length - 1)]
            : '·'));
    }
}
