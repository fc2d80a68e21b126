namespace FocusBot.Domain.Trends;

public sealed partial class PrivacyGate
{
    /// <summary>
    /// The periods of <paramref name="report"/> whose comments may be read verbatim for its focus slice: exactly those
    /// whose Voice figure is shown, so the comment threshold and every differencing rule of the figures hold for the
    /// comments as well (a slice hidden because subtracting it from another would isolate a small group shows no
    /// comments either), and a period that is not sealed shows none.
    /// </summary>
    public IReadOnlyList<TrendPeriod> CommentPeriods(TrendReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Periods.Count == 0)
            return [];
        return [.. report.Focus[TrendMeasure.Voice].Points
            .Where(p => p.IsShown && (p.N ?? 0) >= thresholds.MinimumCommentGroupSize)
            .Select(p => p.Period)];
    }
}
