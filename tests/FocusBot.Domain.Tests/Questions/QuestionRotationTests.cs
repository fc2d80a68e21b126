using FocusBot.Domain.Questions;

namespace FocusBot.Domain.Tests.Questions;

public sealed class QuestionRotationTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static Question Q(string id, QuestionDimension dimension, bool active = true, string? insightId = null, int createdDay = 0) => new()
    {
        Id = id,
        Text = "Question " + id,
        Dimension = dimension,
        Level = 1,
        Kind = dimension == QuestionDimension.Voice ? QuestionKind.FreeText : QuestionKind.Agreement,
        Active = active,
        InsightId = insightId,
        CreatedAt = Created.AddDays(createdDay),
    };

    // Two of each measured dimension and a Voice question.
    private static readonly Question[] Bank =
    [
        Q("k1", QuestionDimension.Knowledge), Q("k2", QuestionDimension.Knowledge),
        Q("b1", QuestionDimension.Behaviour), Q("b2", QuestionDimension.Behaviour),
        Q("a1", QuestionDimension.Attitude), Q("a2", QuestionDimension.Attitude),
        Q("v1", QuestionDimension.Voice),
    ];

    private static QuestionDimension DimensionOf(string id) => Bank.Single(q => q.Id == id).Dimension;

    // The order among equally fresh items comes from a stable hash of the seed: the same week picks the same items on
    // every instance and after every restart.
    [Theory]
    [InlineData("2026-W48", new[] { "k1", "b2", "a2", "b1", "a1" })]
    [InlineData("2026-W49", new[] { "k1", "b2", "a2", "k2", "b1" })]
    public void Choose_KnownWeek_PicksTheSameItemsEveryTime(string seed, string[] expected)
    {
        Assert.Equal(expected, QuestionRotation.Choose(Bank, [], size: 5, noRepeatPulses: 6, seed: seed));
    }

    [Fact]
    public void Choose_SizeThree_OneEachOfKnowledgeBehaviourAndAttitude()
    {
        var chosen = QuestionRotation.Choose(Bank, [], size: 3, noRepeatPulses: 6, seed: "2026-W48");

        Assert.Equal([QuestionDimension.Knowledge, QuestionDimension.Behaviour, QuestionDimension.Attitude], chosen.Select(DimensionOf));
    }

    [Fact]
    public void Choose_ItemsOfTheLastPulse_AreNotAskedAgainWhileFresherOnesRemain()
    {
        var chosen = QuestionRotation.Choose(Bank, [["k1", "b1", "a1"]], size: 3, noRepeatPulses: 1, seed: "2026-W48");

        Assert.Equal(["k2", "b2", "a2"], chosen);
    }

    [Fact]
    public void Choose_TooFewFreshItems_RepeatsThoseAskedLongestAgo()
    {
        // Newest first: k1, b1, a1 were asked last week, k2, b2, a2 two weeks ago; nothing is fresh for a three-week rule.
        var chosen = QuestionRotation.Choose(Bank, [["k1", "b1", "a1"], ["k2", "b2", "a2"]], size: 3, noRepeatPulses: 3, seed: "2026-W48");

        Assert.Equal(["k2", "b2", "a2"], chosen);
    }

    [Fact]
    public void Choose_NewestUnaskedInsightCheck_TakesTheKnowledgePlace()
    {
        Question[] bank = [.. Bank, Q("k-old-insight", QuestionDimension.Knowledge, insightId: "i1", createdDay: 1), Q("k-new-insight", QuestionDimension.Knowledge, insightId: "i2", createdDay: 2)];

        var chosen = QuestionRotation.Choose(bank, [], size: 3, noRepeatPulses: 6, seed: "2026-W48");

        Assert.Equal("k-new-insight", chosen[0]);
        Assert.Single(chosen, id => bank.Single(q => q.Id == id).Dimension == QuestionDimension.Knowledge);
    }

    [Fact]
    public void Choose_InsightCheckAlreadyAsked_IsNotPutFirstAgain()
    {
        Question[] bank = [.. Bank, Q("k-insight", QuestionDimension.Knowledge, insightId: "i1", createdDay: 1)];

        var chosen = QuestionRotation.Choose(bank, [["k-insight"]], size: 3, noRepeatPulses: 1, seed: "2026-W48");

        Assert.DoesNotContain("k-insight", chosen);
    }

    [Fact]
    public void Choose_InactiveAndVoiceQuestions_AreNeverChosen()
    {
        Question[] bank = [.. Bank.Where(q => q.Id != "k1"), Q("k1", QuestionDimension.Knowledge, active: false)];

        var chosen = QuestionRotation.Choose(bank, [], size: 5, noRepeatPulses: 6, seed: "2026-W48");

        Assert.Equal(5, chosen.Count);
        Assert.DoesNotContain("k1", chosen);
        Assert.DoesNotContain("v1", chosen);
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(4, 4)]
    [InlineData(9, 5)]
    public void Choose_AnySize_IsKeptBetweenThreeAndFive(int size, int expected)
    {
        Assert.Equal(expected, QuestionRotation.Choose(Bank, [], size, noRepeatPulses: 6, seed: "2026-W48").Count);
    }

    [Fact]
    public void Choose_SameBankHistoryAndSeed_ChoosesTheSame()
    {
        var first = QuestionRotation.Choose(Bank, [["k1"]], size: 4, noRepeatPulses: 6, seed: "2026-W48");
        var second = QuestionRotation.Choose([.. Enumerable.Reverse(Bank)], [["k1"]], size: 4, noRepeatPulses: 6, seed: "2026-W48");

        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct().Count());
    }

    [Fact]
    public void Choose_EmptyBank_ChoosesNothing()
    {
        Assert.Empty(QuestionRotation.Choose([], [], size: 4, noRepeatPulses: 6, seed: "2026-W48"));
    }

    // Two of each measured dimension at each of the three levels.
    private static readonly Question[] ThreeLevels =
    [
        .. Enumerable.Range(1, 3).SelectMany(level => (Question[])
        [
            Q($"k{level}a", QuestionDimension.Knowledge) with { Level = level }, Q($"k{level}b", QuestionDimension.Knowledge) with { Level = level },
            Q($"b{level}a", QuestionDimension.Behaviour) with { Level = level }, Q($"b{level}b", QuestionDimension.Behaviour) with { Level = level },
            Q($"a{level}a", QuestionDimension.Attitude) with { Level = level }, Q($"a{level}b", QuestionDimension.Attitude) with { Level = level },
        ]),
    ];

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Choose_FocusLevel_KnowledgeAndBehaviourPlacesGoToThatLevelKeepingOneOfEachDimension(int focus)
    {
        foreach (var week in (string[])["2026-W48", "2026-W49", "2026-W50", "2026-W51"])
        {
            var chosen = QuestionRotation.Choose(ThreeLevels, [], size: 3, noRepeatPulses: 6, seed: week, focusLevel: focus).Select(id => ThreeLevels.Single(q => q.Id == id)).ToList();

            Assert.Equal([QuestionDimension.Knowledge, QuestionDimension.Behaviour, QuestionDimension.Attitude], chosen.Select(q => q.Dimension));
            Assert.Equal([focus, focus], chosen.Take(2).Select(q => q.Level));
        }
    }

    [Fact]
    public void Choose_FocusLevelWithSparePlaces_FillsThemWithThatLevel()
    {
        var chosen = QuestionRotation.Choose(ThreeLevels, [], size: 5, noRepeatPulses: 6, seed: "2026-W48", focusLevel: 2).Select(id => ThreeLevels.Single(q => q.Id == id)).ToList();

        Assert.Equal(4, chosen.Count(q => q.Level == 2));
        Assert.Equal(3, chosen.Select(q => q.Dimension).Distinct().Count());
    }

    [Fact]
    public void Choose_FocusLevelItemsAskedLastPulse_TakesFreshItemsOfOtherLevelsRatherThanRepeat()
    {
        var chosen = QuestionRotation.Choose(ThreeLevels, [["k2a", "k2b", "b2a", "b2b"]], size: 3, noRepeatPulses: 1, seed: "2026-W48", focusLevel: 2);

        Assert.DoesNotContain(chosen, id => id.StartsWith("k2", StringComparison.Ordinal) || id.StartsWith("b2", StringComparison.Ordinal));
        Assert.Equal(3, chosen.Count);
    }

    [Fact]
    public void Choose_NoFocusLevel_MixesLevelsAsBefore()
    {
        var levels = Enumerable.Range(48, 4).SelectMany(w => QuestionRotation.Choose(ThreeLevels, [], size: 3, noRepeatPulses: 6, seed: $"2026-W{w}"))
            .Select(id => ThreeLevels.Single(q => q.Id == id).Level).Distinct().Count();

        Assert.True(levels > 1, "without a focus level the rotation should not stick to one level");
    }
}
