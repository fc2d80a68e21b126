using FocusBot.Domain.Programme;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;

namespace FocusBot.Domain.Tests.Programme;

public sealed class ProgrammeLevelRuleTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly MasteryRule Rule = new() { MinRespondents = 5 };

    private static Question Item(string id, int level, QuestionKind kind) => new()
    {
        Id = id,
        Text = "Item " + id,
        Dimension = kind switch { QuestionKind.Quiz => QuestionDimension.Knowledge, QuestionKind.Frequency => QuestionDimension.Behaviour, _ => QuestionDimension.Attitude },
        Level = level,
        Kind = kind,
        Options = kind == QuestionKind.Quiz ? ["a", "b"] : [],
        CorrectOption = kind == QuestionKind.Quiz ? 0 : null,
        CreatedAt = Created,
    };

    // Per level: two quizzes, one behaviour and one attitude item.
    private static readonly Question[] Bank =
    [
        .. Enumerable.Range(1, 3).SelectMany(level => (Question[])
        [
            Item($"k{level}a", level, QuestionKind.Quiz), Item($"k{level}b", level, QuestionKind.Quiz),
            Item($"b{level}", level, QuestionKind.Frequency), Item($"a{level}", level, QuestionKind.Agreement),
        ]),
    ];

    private static ItemFigure Shown(string id, long favourable, long answers, long respondents = 10) =>
        new(id, ProgrammeLevelRule.MeasureOf(Bank.Single(q => q.Id == id))!, favourable, answers, respondents);

    private static ItemFigure Withheld(string id) => new(id, ProgrammeLevelRule.MeasureOf(Bank.Single(q => q.Id == id))!, null, null, null);

    /// <summary>Every item of levels 1..<paramref name="through"/> comfortably met (90% of 20 answers).</summary>
    private static List<ItemFigure> MetThrough(int through) =>
        [.. Bank.Where(q => q.Level <= through).Select(q => Shown(q.Id, 18, 20))];

    private static TeamLevel Evaluate(IEnumerable<ItemFigure> items, MasteryRule? rule = null) =>
        ProgrammeLevelRule.Evaluate(new TeamItemFigures("team:t", "Sales", [.. items]), Bank, rule ?? Rule);

    [Fact]
    public void Evaluate_EveryItemExactlyAtMastery_ReachesTheLevel()
    {
        List<ItemFigure> items = [Shown("k1a", 8, 10), Shown("k1b", 16, 20), Shown("b1", 7, 10), Shown("a1", 14, 20)];

        var level = Evaluate(items);

        Assert.Equal(1, level.Reached);
        Assert.Equal(2, level.Next);
    }

    [Fact]
    public void Evaluate_OneItemJustBelowMastery_StaysBelowAndSaysByHowMuch()
    {
        // 79 of 100 is 79%: one point short of 80.
        List<ItemFigure> items = [Shown("k1a", 79, 100), Shown("k1b", 16, 20), Shown("b1", 7, 10), Shown("a1", 14, 20)];

        var level = Evaluate(items);

        Assert.Equal(0, level.Reached);
        var gap = Assert.Single(level.Gaps);
        Assert.Equal((LevelGapKind.BelowMastery, "k1a", 79, 1), (gap.Kind, gap.QuestionId, gap.Percent, gap.PointsShort));
    }

    [Fact]
    public void Evaluate_JustUnderMasteryRoundingUp_IsStillBelowAndFloored()
    {
        // 199 of 250 is 79.6%: shown as 79, never as a mastered-looking 80.
        var level = Evaluate([Shown("k1a", 199, 250), Shown("k1b", 16, 20), Shown("b1", 7, 10), Shown("a1", 14, 20)]);

        Assert.Equal(0, level.Reached);
        Assert.Equal(79, Assert.Single(level.Gaps).Percent);
    }

    [Fact]
    public void Evaluate_ItemWithheldByTheGateOrNeverAsked_IsNotEnoughAnswersEitherWay()
    {
        var withheld = Evaluate([Withheld("k1a"), Shown("k1b", 16, 20), Shown("b1", 7, 10), Shown("a1", 14, 20)]);
        var neverAsked = Evaluate([Shown("k1b", 16, 20), Shown("b1", 7, 10), Shown("a1", 14, 20)]);

        Assert.Equal(withheld.Gaps, neverAsked.Gaps);
        var gap = Assert.Single(withheld.Gaps);
        Assert.Equal((LevelGapKind.NotEnoughAnswers, "k1a", (int?)null), (gap.Kind, gap.QuestionId, gap.Percent));
    }

    [Fact]
    public void Evaluate_ItemShownButBelowTheRulesOwnMinimum_CannotCountAsMastered()
    {
        var rule = Rule with { MinRespondents = 8 };

        var level = Evaluate([Shown("k1a", 10, 10, respondents: 7), Shown("k1b", 16, 20), Shown("b1", 7, 10), Shown("a1", 14, 20)], rule);

        Assert.Equal(0, level.Reached);
        Assert.Equal(LevelGapKind.NotEnoughAnswers, Assert.Single(level.Gaps).Kind);
    }

    [Fact]
    public void Evaluate_BehaviourBelowFavourable_BlocksTheLevelWithItsPercentage()
    {
        var level = Evaluate([Shown("k1a", 10, 10), Shown("k1b", 10, 10), Shown("b1", 69, 100), Shown("a1", 14, 20)]);

        var gap = Assert.Single(level.Gaps);
        Assert.Equal((LevelGapKind.BelowFavourable, TrendMeasure.Behaviour, 69, 1), (gap.Kind, gap.Measure, gap.Percent, gap.PointsShort));
    }

    [Fact]
    public void Evaluate_AttitudeWithoutEnoughAnswers_BlocksTheLevel()
    {
        var level = Evaluate([Shown("k1a", 10, 10), Shown("k1b", 10, 10), Shown("b1", 9, 10), Withheld("a1")]);

        var gap = Assert.Single(level.Gaps);
        Assert.Equal((LevelGapKind.NotEnoughAnswers, TrendMeasure.Attitude), (gap.Kind, gap.Measure));
    }

    [Fact]
    public void Evaluate_LevelTwoMetButNotLevelOne_StaysAtZero()
    {
        var items = MetThrough(2).Where(i => i.QuestionId != "k1a").Append(Shown("k1a", 1, 10)).ToList();

        var level = Evaluate(items);

        Assert.Equal(0, level.Reached);
        Assert.All(level.Gaps, g => Assert.StartsWith("k1", g.QuestionId!, StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_AllThreeLevels_ReachesThreeWithNothingLeft()
    {
        var level = Evaluate(MetThrough(3));

        Assert.Equal(3, level.Reached);
        Assert.Null(level.Next);
        Assert.Empty(level.Gaps);
    }

    [Fact]
    public void Evaluate_LevelOneMet_GapsAreThoseOfLevelTwo()
    {
        var level = Evaluate(MetThrough(1));

        Assert.Equal(1, level.Reached);
        Assert.Equal(["k2a", "k2b", null, null], level.Gaps.Select(g => g.QuestionId));
        Assert.All(level.Gaps, g => Assert.Equal(LevelGapKind.NotEnoughAnswers, g.Kind));
    }

    [Fact]
    public void Evaluate_InactiveItem_DoesNotStandInTheWay()
    {
        var bank = Bank.Select(q => q.Id == "k1b" ? q with { Active = false } : q).ToList();

        var level = ProgrammeLevelRule.Evaluate(new TeamItemFigures("team:t", "Sales", [Shown("k1a", 9, 10), Shown("b1", 9, 10), Shown("a1", 9, 10)]), bank, Rule);

        Assert.Equal(1, level.Reached);
    }

    [Fact]
    public void Evaluate_LevelWithNoItemsInTheBank_CannotBeReached()
    {
        var bank = Bank.Where(q => q.Level != 2).ToList();

        var level = ProgrammeLevelRule.Evaluate(new TeamItemFigures("team:t", "Sales", MetThrough(3)), bank, Rule);

        Assert.Equal(1, level.Reached);
        Assert.Equal(LevelGapKind.NoItems, Assert.Single(level.Gaps).Kind);
    }

    [Theory]
    [InlineData(new[] { 1, 1, 0 }, 1)]
    [InlineData(new[] { 1, 0 }, 0)]
    [InlineData(new[] { 3, 2, 2, 0 }, 2)]
    [InlineData(new int[0], 0)]
    public void OfOrganisation_MoreThanHalfOfTheTeamsWithFigures_SetTheLevel(int[] reached, int expected)
    {
        var teams = reached.Select((r, i) => new TeamLevel("team:" + i, "T" + i, r, [], HasFigures: true))
            .Append(new TeamLevel("team:quiet", "Quiet", 0, [], HasFigures: false));

        Assert.Equal(expected, ProgrammeLevelRule.OfOrganisation(teams));
    }
}
