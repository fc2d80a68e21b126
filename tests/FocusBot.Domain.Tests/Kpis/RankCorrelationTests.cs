using FocusBot.Domain.Kpis;

namespace FocusBot.Domain.Tests.Kpis;

public sealed class RankCorrelationTests
{
    [Fact]
    public void Spearman_TiesAndMonotoneCurve_RanksNotValues()
    {
        // A curve that only goes up is a perfect rank correlation, whatever its shape.
        Assert.Equal(1, RankCorrelation.Spearman([(1, 1), (2, 4), (3, 9), (4, 16), (5, 1000)])!.Value, 10);
        Assert.Equal(-1, RankCorrelation.Spearman([(1, 5), (2, 4), (3, 3), (4, 2), (5, 1)])!.Value, 10);
        // Ties share their mean rank: x ranks 1, 2.5, 2.5, 4, 5; y ranks 1..5; Pearson of those.
        Assert.Equal(0.9747, RankCorrelation.Spearman([(1, 1), (2, 2), (2, 3), (3, 4), (4, 5)])!.Value, 4);
        Assert.Null(RankCorrelation.Spearman([(1, 3), (2, 3), (3, 3)]));
        Assert.Null(RankCorrelation.Spearman([(1, 3)]));
    }

    [Fact]
    public void IsClear_FewerThanFivePairs_Never_FiveOnlyInPerfectOrder_AndTheLargeSampleThresholdFollowsTheCount()
    {
        Assert.False(RankCorrelation.IsClear([(1, 1), (2, 2), (3, 3), (4, 4)]));
        Assert.True(RankCorrelation.IsClear([(1, 1), (2, 2), (3, 3), (4, 4), (5, 5)]));
        // One swap leaves 0.9, which 10 of the 120 orders of five reach: not beyond chance.
        Assert.False(RankCorrelation.IsClear([(1, 2), (2, 1), (3, 3), (4, 4), (5, 5)]));
        Assert.False(RankCorrelation.IsClearLargeSample(0.3, 20));
        Assert.True(RankCorrelation.IsClearLargeSample(-0.5, 20));
        Assert.False(RankCorrelation.IsClearLargeSample(0.99, 4));
    }

    /// <summary>
    /// The false-claim rate on independent draws stays near the 5% the test is built for, and a real association of
    /// moderate strength is found most of the time from eight pairs (with five, only a perfect order can be told from
    /// chance): the threshold is neither loose nor deaf.
    /// </summary>
    [Theory]
    [InlineData(5, 0.3)]
    [InlineData(8, 0.6)]
    [InlineData(9, 0.6)]
    [InlineData(20, 0.6)]
    public void IsClear_OnSimulatedData_ClaimsRarelyWhenIndependent_AndOftenWhenRelated(int pairs, double power)
    {
        var random = new Random(pairs);
        const int Draws = 1000;
        var falseClaims = 0;
        var found = 0;
        for (var draw = 0; draw < Draws; draw++)
        {
            var independent = Enumerable.Range(0, pairs).Select(_ => (random.NextDouble(), random.NextDouble())).ToList();
            if (RankCorrelation.IsClear(independent))
                falseClaims++;
            var related = Enumerable.Range(0, pairs).Select(_ => random.NextDouble()).Select(x => (x, x + (0.25 * random.NextDouble()))).ToList();
            if (RankCorrelation.IsClear(related))
                found++;
        }

        Assert.InRange(falseClaims / (double)Draws, 0, 0.075);
        Assert.InRange(found / (double)Draws, power, 1);
    }
}
