using FocusBot.Domain.Trends;

namespace FocusBot.Domain.Tests.Trends;

/// <summary>The statistics against values worked out by hand (derivations in the comments).</summary>
public sealed class ProportionTestsTests
{
    [Fact]
    public void TwoProportionZ_45Of100Against30Of100_MatchesHandComputation()
    {
        // pooled p = 75/200 = 0.375; SE = sqrt(0.375 × 0.625 × (1/100 + 1/100)) = sqrt(0.0046875) = 0.0684653;
        // z = (0.45 - 0.30) / 0.0684653 = 2.19089; two-sided p = 2(1 - Φ(2.19089)) = 0.028460.
        var (z, p) = ProportionTests.TwoProportionZ(45, 100, 30, 100);

        Assert.Equal(2.19089, z, 5);
        Assert.Equal(0.028460, p, 5);
    }

    [Fact]
    public void TwoProportionZ_SameProportions_IsZeroWithPOne()
    {
        var (z, p) = ProportionTests.TwoProportionZ(20, 40, 10, 20);

        Assert.Equal(0, z, 10);
        Assert.Equal(1, p, 6);
    }

    [Fact]
    public void TwoProportionZ_EveryoneAgreesInBothGroups_HasNoVarianceAndNoDifference()
    {
        Assert.Equal((0, 1), ProportionTests.TwoProportionZ(10, 10, 8, 8));
    }

    [Fact]
    public void FisherExact_TeaTastingTable_Is34Over70()
    {
        // Margins 4/4/4/4: P(a) = C(4,a)C(4,4-a)/C(8,4) = 1, 16, 36, 16, 1 (/70). Observed a = 3 (16/70); the tables no
        // more likely are a = 0, 1, 3, 4: (1 + 16 + 16 + 1) / 70 = 0.485714.
        Assert.Equal(34.0 / 70, ProportionTests.FisherExact(3, 1, 1, 3), 9);
    }

    [Fact]
    public void FisherExact_UnequalMargins_MatchesHandComputation()
    {
        // [[8,2],[1,5]]: rows 10 and 6, first column 9, n 16, C(16,9) = 11440. P(a)·11440 for a = 3..9:
        // 120, 1260, 3780, 4200, 1800, 270, 10. Observed a = 8 (270); no more likely: a = 3, 8, 9 → 400 / 11440.
        Assert.Equal(400.0 / 11440, ProportionTests.FisherExact(8, 2, 1, 5), 9);
    }

    [Fact]
    public void FisherExact_NineOfTenAgainstThreeOfTen_MatchesHandComputation()
    {
        // Rows 10/10, first column 12, C(20,12) = 125970. Observed a = 9: C(10,9)C(10,3) = 1200. No more likely:
        // a = 2 (45), 3 (1200), 9 (1200), 10 (45) → 2490 / 125970 = 0.0197666.
        Assert.Equal(2490.0 / 125970, ProportionTests.FisherExact(9, 1, 3, 7), 9);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(-1.0, 1.842700792949715)]
    [InlineData(3.0, 2.209049699858544e-05)]
    public void Erfc_KnownValues_WithinTheApproximationsError(double x, double expected)
    {
        Assert.True(Math.Abs(ProportionTests.Erfc(x) - expected) <= (1.2e-7 * expected) + 1e-15, $"erfc({x}) = {ProportionTests.Erfc(x)}");
    }

    [Fact]
    public void NormalCdf_At1Point96_IsAbout975Thousandths()
    {
        Assert.Equal(0.975, ProportionTests.NormalCdf(1.959963984540054), 6);
    }

    [Theory]
    [InlineData(5.0, 3.178053830347945)] // ln 4! = ln 24
    [InlineData(0.5, 0.5723649429247004)] // ln √π
    [InlineData(100.5, 361.4355404677776)]
    public void LogGamma_KnownValues(double x, double expected)
    {
        Assert.Equal(expected, ProportionTests.LogGamma(x), 9);
    }
}
