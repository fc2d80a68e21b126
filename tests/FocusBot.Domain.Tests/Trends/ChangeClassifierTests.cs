using FocusBot.Domain.Trends;

namespace FocusBot.Domain.Tests.Trends;

public sealed class ChangeClassifierTests
{
    [Fact]
    public void Classify_TwentyPointRiseOnHundredsOfPeople_IsRisingByZTest()
    {
        // 70/100 vs 50/100: pooled 0.6, SE = sqrt(0.6 × 0.4 × 0.02) = 0.069282, z = 2.88675, p = 0.003892.
        var change = ChangeClassifier.Classify(70, 100, 50, 100, 5)!;

        Assert.Equal(ChangeLabel.Rising, change.Label);
        Assert.Equal(ChangeTest.TwoProportionZ, change.Test);
        Assert.Equal(20, change.DifferencePoints, 9);
        Assert.Equal(0.003892, change.PValue, 0.000001);
    }

    [Fact]
    public void Classify_TwentyPointFall_IsFalling()
    {
        Assert.Equal(ChangeLabel.Falling, ChangeClassifier.Classify(30, 100, 50, 100, 5)!.Label);
    }

    [Fact]
    public void Classify_TenPointsButNotSignificant_IsNotSignificant()
    {
        // 60/100 vs 50/100: z = 1.42134, p = 0.15522 ≥ 0.10.
        var change = ChangeClassifier.Classify(60, 100, 50, 100, 5)!;

        Assert.Equal(ChangeLabel.NotSignificant, change.Label);
        Assert.Equal(0.15522, change.PValue, 0.00001);
    }

    [Fact]
    public void Classify_UnderFivePoints_IsSmallWithoutATest()
    {
        var change = ChangeClassifier.Classify(52, 100, 50, 100, 5)!;

        Assert.Equal(ChangeLabel.Small, change.Label);
        Assert.Equal(ChangeTest.None, change.Test);
    }

    [Fact]
    public void Classify_ExactlyFivePoints_IsTested()
    {
        // 55/100 vs 50/100: z = 0.70799, p = 0.47895.
        var change = ChangeClassifier.Classify(55, 100, 50, 100, 5)!;

        Assert.Equal(ChangeTest.TwoProportionZ, change.Test);
        Assert.Equal(0.47895, change.PValue, 0.00001);
    }

    [Fact]
    public void Classify_SmallCounts_UsesFisherAndCanBeRising()
    {
        // 5/5 vs 1/5: smallest expected count 5 × 4 / 10 = 2 < 5 → Fisher on [[5,0],[1,4]]: rows 5/5, column 6,
        // C(10,6) = 210, P(a)·210 for a = 1..5: 5, 50, 100, 50, 5; observed a = 5 → (5 + 5) / 210 = 0.047619 < 0.10.
        var change = ChangeClassifier.Classify(5, 5, 1, 5, 5)!;

        Assert.Equal(ChangeTest.FisherExact, change.Test);
        Assert.Equal(10.0 / 210, change.PValue, 9);
        Assert.Equal(ChangeLabel.Rising, change.Label);
    }

    [Fact]
    public void Classify_SmallCountsNotSignificant_IsNotSignificant()
    {
        // [[4,1],[2,3]]: a = 4 has 50/210; no more likely: a = 1, 2, 4, 5 → 110/210 = 0.5238.
        var change = ChangeClassifier.Classify(4, 5, 2, 5, 5)!;

        Assert.Equal(ChangeTest.FisherExact, change.Test);
        Assert.Equal(110.0 / 210, change.PValue, 9);
        Assert.Equal(ChangeLabel.NotSignificant, change.Label);
    }

    [Fact]
    public void Classify_ThirtyTwoPointFallAmongEightAndSevenPeople_IsNotSignificant_AndKeepsBothGroupSizes()
    {
        // The demo's Finance behaviour, once labelled "Stable": 2 of 8 against 4 of 7. Expected counts under 5 → Fisher on
        // [[2,6],[4,3]]: margins 8, 7 and 6 of 15, C(15,6) = 5005; tables a = 0..6 weigh 7, 168, 980, 1960, 1470, 392, 28;
        // no more likely than a = 2 (980): 7 + 168 + 980 + 392 + 28 = 1575 → p = 0.3147. The test and its choice are right:
        // the groups are too small to tell, which is what the label must say.
        var change = ChangeClassifier.Classify(2, 8, 4, 7, 5)!;

        Assert.Equal(ChangeTest.FisherExact, change.Test);
        Assert.Equal(1575.0 / 5005, change.PValue, 9);
        Assert.Equal(100.0 * ((2.0 / 8) - (4.0 / 7)), change.DifferencePoints, 9);
        Assert.Equal(ChangeLabel.NotSignificant, change.Label);
        Assert.Equal((8L, 7L), (change.PeopleNow, change.PeopleBefore));
    }

    [Fact]
    public void Classify_EitherPeriodUnderTheMinimumGroupSize_GivesNoLabel()
    {
        Assert.Null(ChangeClassifier.Classify(4, 4, 0, 10, 5));
        Assert.Null(ChangeClassifier.Classify(9, 10, 1, 4, 5));
    }
}
