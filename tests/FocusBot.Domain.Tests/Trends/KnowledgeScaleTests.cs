using FocusBot.Domain.Trends;

namespace FocusBot.Domain.Tests.Trends;

/// <summary>
/// The fair knowledge scale on simulated answers whose true abilities and item difficulties are known: ten items from
/// easy to hard, weekly groups of people each answering the week's two items with the Rasch chance. The item mix shifts
/// halfway from the easier seven items to the harder seven (the middle four are asked throughout, as a rotation that
/// adds harder items keeps some of the old ones), so the raw % correct falls with no change in what people know.
/// </summary>
public sealed class KnowledgeScaleTests
{
    private static readonly double[] s_trueDifficulty = [-2, -1.5, -1, -0.5, 0, 0.25, 0.5, 1, 1.5, 2];
    private const int Weeks = 12;
    private const int People = 200;

    private static string Item(int i) => "k" + i;

    /// <summary>
    /// Two items of the week's pool, items 0-6 in the first half and 3-9 in the second, taken in turn so each half asks
    /// every item of its pool at least once and consecutive weeks share none: (0, 1), (2, 3), (4, 5), (6, 0), ...
    /// </summary>
    private static int[] AskedIn(int week)
    {
        var (first, turn) = week < Weeks / 2 ? (0, week) : (3, week - (Weeks / 2));
        return [first + (2 * turn % 7), first + (((2 * turn) + 1) % 7)];
    }

    private static double Chance(double ability, double difficulty) => 1 / (1 + Math.Exp(difficulty - ability));

    private static List<ItemTally> Simulate(int seed, Func<int, double> abilityOfWeek)
    {
        var random = new Random(seed);
        var tallies = new List<ItemTally>();
        for (var week = 0; week < Weeks; week++)
        {
            foreach (var item in AskedIn(week))
            {
                var correct = Enumerable.Range(0, People).Count(_ => random.NextDouble() < Chance(abilityOfWeek(week), s_trueDifficulty[item]));
                tallies.Add(new ItemTally("w" + week, Item(item), correct, People));
            }
        }

        return tallies;
    }

    /// <summary>The % correct the true ability gives across the whole bank: what the adjusted index estimates.</summary>
    private static double TrueBankPercent(double ability) => 100 * s_trueDifficulty.Average(d => Chance(ability, d));

    private static double RawPercent(IEnumerable<ItemTally> week) => 100.0 * week.Sum(t => t.Correct) / week.Sum(t => t.Answers);

    private static (double Raw, double Adjusted)[] ByWeek(List<ItemTally> tallies)
    {
        var scale = KnowledgeScale.Estimate(tallies);
        return [.. tallies.GroupBy(t => t.Group).Select(week =>
            (RawPercent(week), scale.ExpectedPercent(scale.AbilityOf(week.Select(t => (t.ItemId, t.Correct, t.Answers)))!.Value)))];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void AdjustedIndex_NoChangeWhileTheItemMixGetsHarder_StaysLevelWhereTheRawScoreFalls(int seed)
    {
        var weeks = ByWeek(Simulate(seed, _ => 0.3));

        var firstHalf = weeks[..(Weeks / 2)];
        var secondHalf = weeks[(Weeks / 2)..];
        // The raw score falls by about 26 points only because the items got harder...
        Assert.True(firstHalf.Average(w => w.Raw) - secondHalf.Average(w => w.Raw) > 15);
        // ...while the adjusted index, like the truth, does not move. Over 100 seeds its half-on-half change here was
        // -0.6 points on average, standard deviation 2.5 (the raw one: -25.8, 1.4): 8 points is 3.2 of those.
        Assert.InRange(secondHalf.Average(w => w.Adjusted) - firstHalf.Average(w => w.Adjusted), -8, 8);
        Assert.InRange(weeks.Average(w => w.Adjusted), TrueBankPercent(0.3) - 5, TrueBankPercent(0.3) + 5);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void AdjustedIndex_RealRiseHiddenByHarderItems_IsRecovered(int seed)
    {
        // People learn (+1 logit from week 6) just as the items get harder: the raw score barely moves or falls.
        var weeks = ByWeek(Simulate(seed, week => week < Weeks / 2 ? -0.5 : 0.5));

        var rawChange = weeks[(Weeks / 2)..].Average(w => w.Raw) - weeks[..(Weeks / 2)].Average(w => w.Raw);
        var adjustedChange = weeks[(Weeks / 2)..].Average(w => w.Adjusted) - weeks[..(Weeks / 2)].Average(w => w.Adjusted);
        var trueChange = TrueBankPercent(0.5) - TrueBankPercent(-0.5);
        // Over 100 seeds: adjusted +17.9 points on average (standard deviation 1.7) for a true +18.5; raw -5.4.

        Assert.True(rawChange < 5, $"raw change {rawChange:0.0}");
        Assert.InRange(adjustedChange, trueChange - 8, trueChange + 8);
    }

    [Fact]
    public void Estimate_ManyAnswers_RecoversTheItemDifficultiesInOrderAndSize()
    {
        var scale = KnowledgeScale.Estimate(Simulate(9, week => week * 0.1));

        var estimated = Enumerable.Range(0, s_trueDifficulty.Length).Select(i => scale.Difficulties[Item(i)]).ToArray();
        var trueCentre = s_trueDifficulty.Average();
        for (var i = 0; i < estimated.Length; i++)
            Assert.InRange(estimated[i], s_trueDifficulty[i] - trueCentre - 0.6, s_trueDifficulty[i] - trueCentre + 0.6);
        Assert.Equal(s_trueDifficulty.Length, scale.Items);
        Assert.Equal(Weeks * 2 * People, scale.Answers);
    }

    [Fact]
    public void Estimate_AnItemEveryoneGotRight_GetsAFiniteDifficultyBelowTheOthers()
    {
        ItemTally[] tallies = [new("w1", "easy", 30, 30), new("w1", "mid", 15, 30), new("w2", "mid", 16, 30), new("w2", "hard", 3, 30)];

        var scale = KnowledgeScale.Estimate(tallies);

        Assert.True(double.IsFinite(scale.Difficulties["easy"]));
        Assert.True(scale.Difficulties["easy"] < scale.Difficulties["mid"]);
        Assert.True(scale.Difficulties["mid"] < scale.Difficulties["hard"]);
    }

    [Fact]
    public void AbilityOf_OnlyItemsOutsideTheBank_IsNull()
    {
        var scale = KnowledgeScale.Estimate([new ItemTally("w1", "k1", 10, 20)]);

        Assert.Null(scale.AbilityOf([("other", 5L, 10L)]));
        Assert.NotNull(scale.AbilityOf([("k1", 5L, 10L)]));
    }

    [Fact]
    public void Estimate_NoAnswers_IsAnEmptyBank()
    {
        var scale = KnowledgeScale.Estimate([new ItemTally("w1", "k1", 0, 0)]);

        Assert.Equal(0, scale.Items);
        Assert.Null(scale.AbilityOf([("k1", 1L, 2L)]));
    }
}
