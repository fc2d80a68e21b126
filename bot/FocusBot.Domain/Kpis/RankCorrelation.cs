namespace FocusBot.Domain.Kpis;

/// <summary>
/// Spearman's rank correlation: Pearson's correlation of the ranks (ties share their mean rank). Ranks, because a few
/// teams with extreme KPI values would otherwise decide a Pearson coefficient alone, and because KPIs and staff
/// figures need not move in straight lines together.
/// </summary>
public static class RankCorrelation
{
    /// <summary>Fewer pairs than this say nothing: any order of four teams is too likely by chance.</summary>
    public const int MinimumPairs = 5;

    /// <summary>
    /// Two-sided 5% level for the Fisher z of Spearman's coefficient, z = atanh(r) * sqrt((n - 3) / 1.06) (Fieller,
    /// Hartley and Pearson, 1957): an association is reported only beyond it, so independent figures rarely claim one.
    /// </summary>
    public const double CriticalZ = 1.96;

    /// <summary>Spearman's coefficient of the pairs, or null when there are fewer than two or one side does not vary.</summary>
    public static double? Spearman(IReadOnlyList<(double X, double Y)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count < 2)
            return null;
        var x = Ranks([.. pairs.Select(p => p.X)]);
        var y = Ranks([.. pairs.Select(p => p.Y)]);
        return Pearson(x, y);
    }

    /// <summary>Whether <paramref name="coefficient"/> over <paramref name="pairs"/> pairs is beyond chance at the 5% level.</summary>
    public static bool IsClear(double coefficient, int pairs)
    {
        if (pairs < MinimumPairs)
            return false;
        var r = Math.Clamp(coefficient, -0.999999, 0.999999);
        return Math.Abs(Math.Atanh(r) * Math.Sqrt((pairs - 3) / 1.06)) > CriticalZ;
    }

    private static double? Pearson(double[] x, double[] y)
    {
        var meanX = x.Average();
        var meanY = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
            syy += (y[i] - meanY) * (y[i] - meanY);
        }

        return sxx == 0 || syy == 0 ? null : sxy / Math.Sqrt(sxx * syy);
    }

    private static double[] Ranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
                end++;
            var mean = ((start + end) / 2.0) + 1;
            for (var i = start; i <= end; i++)
                ranks[order[i]] = mean;
            start = end + 1;
        }

        return ranks;
    }
}
