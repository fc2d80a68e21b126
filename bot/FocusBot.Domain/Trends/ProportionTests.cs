namespace FocusBot.Domain.Trends;

/// <summary>
/// Tests whether two proportions differ: the pooled two-proportion z-test for ordinary counts, and Fisher's exact test
/// for small ones. Both two-sided. Written out here (no statistics package) and checked against hand-computed values.
/// </summary>
public static class ProportionTests
{
    /// <summary>
    /// Pooled two-proportion z-test of x1/n1 against x2/n2. z = (p1 - p2) / sqrt(p(1-p)(1/n1 + 1/n2)) with p the pooled
    /// proportion; the p-value is 2(1 - Φ(|z|)). When every answer is the same in both groups there is no variance and
    /// the difference is zero: z = 0, p = 1.
    /// </summary>
    public static (double Z, double PValue) TwoProportionZ(long x1, long n1, long x2, long n2)
    {
        Validate(x1, n1);
        Validate(x2, n2);
        var pooled = (double)(x1 + x2) / (n1 + n2);
        var variance = pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2));
        if (variance <= 0)
            return (0, 1);
        var z = (((double)x1 / n1) - ((double)x2 / n2)) / Math.Sqrt(variance);
        return (z, Math.Min(1, Erfc(Math.Abs(z) / Math.Sqrt(2))));
    }

    /// <summary>
    /// Fisher's exact test of the 2×2 table [[a, b], [c, d]] (rows: the two groups; columns: success, failure). The
    /// two-sided p-value sums the hypergeometric probabilities of every table with the same margins that is no more
    /// likely than the one observed (the convention of R's fisher.test), with a relative tolerance for rounding.
    /// </summary>
    public static double FisherExact(long a, long b, long c, long d)
    {
        if (a < 0 || b < 0 || c < 0 || d < 0)
            throw new ArgumentOutOfRangeException(nameof(a), "Counts cannot be negative.");
        var row1 = a + b;
        var row2 = c + d;
        var col1 = a + c;
        var n = row1 + row2;
        if (n == 0)
            return 1;
        var low = Math.Max(0, col1 - row2);
        var high = Math.Min(col1, row1);
        var observed = LogHypergeometric(a, row1, row2, col1, n);
        var sum = 0.0;
        for (var x = low; x <= high; x++)
        {
            var log = LogHypergeometric(x, row1, row2, col1, n);
            if (log <= observed + 1e-7)
                sum += Math.Exp(log);
        }

        return Math.Min(1, sum);
    }

    /// <summary>The standard normal cumulative distribution Φ(x).</summary>
    public static double NormalCdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    /// <summary>
    /// The complementary error function, by the Chebyshev-fitted approximation of Press et al. (Numerical Recipes,
    /// erfcc), relative error below 1.2e-7 everywhere: far finer than a 90% significance decision needs.
    /// </summary>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        // Horner's scheme over the published coefficients, highest power first.
        var poly = 0.0;
        foreach (var coefficient in s_erfcCoefficients)
            poly = (poly * t) + coefficient;
        var r = t * Math.Exp((-z * z) + poly);
        return x >= 0 ? r : 2 - r;
    }

    /// <summary>ln Γ(x) for x &gt; 0, by the Lanczos approximation (g = 7, 9 terms), accurate to about 15 digits.</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        x -= 1;
        var sum = s_lanczos[0];
        for (var i = 1; i < s_lanczos.Length; i++)
            sum += s_lanczos[i] / (x + i);
        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    private static readonly double[] s_erfcCoefficients =
    [
        0.17087277, -0.82215223, 1.48851587, -1.13520398, 0.27886807, -0.18628806, 0.09678418, 0.37409196, 1.00002368, -1.26551223,
    ];

    private static readonly double[] s_lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    private static double LogChoose(long n, long k) => LogGamma(n + 1) - LogGamma(k + 1) - LogGamma(n - k + 1);

    /// <summary>ln P(X = x) for X hypergeometric: x successes in a group of row1, with col1 successes among n.</summary>
    private static double LogHypergeometric(long x, long row1, long row2, long col1, long n) =>
        LogChoose(row1, x) + LogChoose(row2, col1 - x) - LogChoose(n, col1);

    private static void Validate(long x, long n)
    {
        if (n <= 0 || x < 0 || x > n)
            throw new ArgumentOutOfRangeException(nameof(n), $"A proportion needs 0 <= x <= n and n > 0 (got {x}/{n}).");
    }
}
