namespace FocusBot.Domain.Trends;

/// <summary>
/// Which earlier period a figure is compared with. Questions rotate, so a dimension, programme level or topic is often
/// not asked in the period just before (it has no results there): comparing only with that period left most level and
/// topic figures with no comparison at all. A figure is therefore compared with the latest earlier period that has
/// results, looking back at most <see cref="Reach"/> periods; if that period is hidden there is no comparison (a hidden
/// figure is never looked past, so what is compared is always what a reader would see side by side).
/// </summary>
public static class TrendComparison
{
    /// <summary>How many periods back a comparison may reach: about a quarter of weeks, half a year of months, a year of quarters.</summary>
    public static int Reach(PeriodKind kind) => kind switch
    {
        PeriodKind.Week => 12,
        PeriodKind.Month => 6,
        _ => 4,
    };

    /// <summary>
    /// The figure to compare with: the first of <paramref name="earlier"/> (newest first, at most <see cref="Reach"/>)
    /// that is not <see cref="FigureStatus.NotAvailable"/>; null when every one of them is.
    /// </summary>
    public static PublishedFigure? Baseline(IEnumerable<PublishedFigure> earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return earlier.FirstOrDefault(figure => figure.Status != FigureStatus.NotAvailable);
    }
}
