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
    /// Up to this many pairs the test is exact: every order of the pairs is tried (8! = 40,320). The large-sample
    /// approximation below claims too often with few pairs (about 8% instead of 5% with five).
    /// </summary>
    public const int ExactUpTo = 8;

    /// <summary>The two-sided level an association must pass to be called clear.</summary>
    public const double Level = 0.05;

    /// <summary>
    /// Two-sided 5% critical value for the Fisher z of Spearman's coefficient, z = atanh(r) * sqrt((n - 3) / 1.06)
    /// (Fieller, Hartley and Pearson, 1957), used above <see cref="ExactUpTo"/> pairs.
    /// </summary>
    public const double CriticalZ = 1.96;

    /// <summary>Spearman's coefficient of the pairs, or null when there are fewer than two or one side does not vary.</summary>
    public static double? Spearman(IReadOnlyList<(double X, double Y)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count < 2)
            return null;
        return Pearson(Ranks([.. pairs.Select(p => p.X)]), Ranks([.. pairs.Select(p => p.Y)]));
    }

    /// <summary>
    /// Whether the pairs' rank correlation is beyond chance at the 5% level (two-sided): exactly by permutation up to
    /// <see cref="ExactUpTo"/> pairs, by the Fisher z above; never with fewer than <see cref="MinimumPairs"/>. So
    /// independent figures claim an association at most about one time in twenty.
    /// </summary>
    public static bool IsClear(IReadOnlyList<(double X, double Y)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count < MinimumPairs || Spearman(pairs) is not { } r)
            return false;
        return pairs.Count <= ExactUpTo ? ExactPValue(pairs, r) < Level : IsClearLargeSample(r, pairs.Count);
    }

    /// <summary>The large-sample rule: |Fisher z| beyond <see cref="CriticalZ"/>.</summary>
    public static bool IsClearLargeSample(double coefficient, int pairs)
    {
        if (pairs < MinimumPairs)
            return false;
        var r = Math.Clamp(coefficient, -0.999999, 0.999999);
        return Math.Abs(Math.Atanh(r) * Math.Sqrt((pairs - 3) / 1.06)) > CriticalZ;
    }

    /// <summary>The share of all orders of the y ranks whose |coefficient| is at least the observed one.</summary>
    private static double ExactPValue(IReadOnlyList<(double X, double Y)> pairs, double observed)
    {
        var x = Ranks([.. pairs.Select(p => p.X)]);
        var y = Ranks([.. pairs.Select(p => p.Y)]);
        var meanX = x.Average();
        var meanY = y.Average();
        var dx = x.Select(v => v - meanX).ToArray();
        var dy = y.Select(v => v - meanY).ToArray();
        var scale = Math.Sqrt(dx.Sum(v => v * v) * dy.Sum(v => v * v));
        var threshold = Math.Abs(observed) - 1e-9;
        long atLeast = 0, total = 0;

        // Heap's algorithm: every order of dy, each reached by one swap from the last.
        var n = dy.Length;
        var c = new int[n];
        void Count()
        {
            var sxy = 0.0;
            for (var i = 0; i < n; i++)
                sxy += dx[i] * dy[i];
            total++;
            if (Math.Abs(sxy / scale) >= threshold)
                atLeast++;
        }

        Count();
        for (var i = 1; i < n;)
        {
            if (c[i] < i)
            {
                var j = i % 2 == 0 ? 0 : c[i];
                (dy[j], dy[i]) = (dy[i], dy[j]);
                Count();
                c[i]++;
                i = 1;
            }
            else
            {
                c[i] = 0;
                i++;
            }
        }

        return atLeast / (double)total;
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
