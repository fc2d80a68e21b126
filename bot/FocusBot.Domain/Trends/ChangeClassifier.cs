namespace FocusBot.Domain.Trends;

/// <summary>
/// Labels a proportion against an earlier period. A label is given only when both periods meet the minimum group size;
/// it is Rising or Falling only when the difference is at least 5 percentage points and a two-sided test is significant
/// at 90% (p &lt; 0.10): Fisher's exact test when any expected count of the 2×2 table is under 5 (Cochran's rule), the
/// pooled two-proportion z-test otherwise. Anything else is Small (under 5 points) or NotSignificant (the test cannot
/// tell it from chance). Those two used to share one label, "Stable", which told HR that nothing had moved when a
/// 32-point fall among 8 and 7 people (2 of 8 against 4 of 7, Fisher p = 0.31) only meant the groups were too small to
/// tell: the test was right, the word was not.
/// </summary>
public static class ChangeClassifier
{
    public const double MinimumDifferencePoints = 5;
    public const double SignificanceLevel = 0.10;
    public const double MinimumExpectedCount = 5;

    /// <returns>Null when either period has fewer than <paramref name="minimumGroupSize"/> in it.</returns>
    public static ChangeAssessment? Classify(long currentSuccesses, long currentTotal, long previousSuccesses, long previousTotal, int minimumGroupSize)
    {
        if (currentTotal < minimumGroupSize || previousTotal < minimumGroupSize || currentTotal <= 0 || previousTotal <= 0)
            return null;
        var difference = 100.0 * (((double)currentSuccesses / currentTotal) - ((double)previousSuccesses / previousTotal));
        // Compared with a small tolerance so that exactly 5 points (e.g. 55% vs 50%) is not lost to rounding.
        if (Math.Abs(difference) < MinimumDifferencePoints - 1e-9)
            return new ChangeAssessment(ChangeLabel.Small, difference, 1, ChangeTest.None) { PeopleNow = currentTotal, PeopleBefore = previousTotal };

        var useFisher = SmallestExpectedCount(currentSuccesses, currentTotal, previousSuccesses, previousTotal) < MinimumExpectedCount;
        var p = useFisher
            ? ProportionTests.FisherExact(currentSuccesses, currentTotal - currentSuccesses, previousSuccesses, previousTotal - previousSuccesses)
            : ProportionTests.TwoProportionZ(currentSuccesses, currentTotal, previousSuccesses, previousTotal).PValue;
        var label = p < SignificanceLevel ? (difference > 0 ? ChangeLabel.Rising : ChangeLabel.Falling) : ChangeLabel.NotSignificant;
        return new ChangeAssessment(label, difference, p, useFisher ? ChangeTest.FisherExact : ChangeTest.TwoProportionZ)
        {
            PeopleNow = currentTotal,
            PeopleBefore = previousTotal,
        };
    }

    /// <summary>The smallest of the four expected counts (row total × column total / grand total) of the 2×2 table.</summary>
    public static double SmallestExpectedCount(long x1, long n1, long x2, long n2)
    {
        double total = n1 + n2;
        double successes = x1 + x2;
        var failures = total - successes;
        return new[] { n1 * successes, n1 * failures, n2 * successes, n2 * failures }.Min() / total;
    }
}
