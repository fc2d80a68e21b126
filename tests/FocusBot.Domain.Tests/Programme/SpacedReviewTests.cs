using FocusBot.Domain.Programme;
using FocusBot.Domain.Questions;

namespace FocusBot.Domain.Tests.Programme;

public sealed class SpacedReviewTests
{
    // Tuesday 1 December 2026, in ISO week 49.
    private static readonly DateOnly Tuesday = new(2026, 12, 1);
    private static readonly SpacedReview Rule = new();

    private static Question Quiz(string id = "k1", bool active = true, QuestionKind kind = QuestionKind.Quiz) => new()
    {
        Id = id,
        Text = "Which?",
        Dimension = QuestionDimension.Knowledge,
        Level = 1,
        Kind = kind,
        Options = ["a", "b", "c"],
        CorrectOption = kind == QuestionKind.Quiz ? 0 : null,
        Active = active,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private static ReviewItem Item(string questionId, DateOnly due, ReviewState state = ReviewState.Pending) => new()
    {
        TenantId = "t",
        RespondentPseudonym = "p",
        QuestionId = questionId,
        State = state,
        Misses = 1,
        DueOn = due,
        CreatedOn = Tuesday,
        UpdatedOn = Tuesday,
    };

    [Theory]
    [InlineData(2026, 12, 1)] // the pulse's Tuesday
    [InlineData(2026, 11, 30)] // its Monday
    [InlineData(2026, 12, 6)] // its Sunday
    public void DueAfter_AnyDayOfTheWeek_IsTheMondayOfTheWeekTheIntervalLater(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(2026, 12, 14), Rule.DueAfter(new DateOnly(year, month, day)));
        Assert.Equal(new DateOnly(2026, 12, 7), (Rule with { Weeks = 1 }).DueAfter(new DateOnly(year, month, day)));
        Assert.Equal(new DateOnly(2027, 1, 25), (Rule with { Weeks = 8 }).DueAfter(new DateOnly(year, month, day)));
    }

    [Fact]
    public void AfterPulseAnswer_FirstMiss_CreatesAPendingItemDueTwoWeeksOn()
    {
        var item = Rule.AfterPulseAnswer(null, "t", "p", "k1", right: false, Tuesday, Tuesday);

        Assert.Equal(Item("k1", new DateOnly(2026, 12, 14)), item);
    }

    [Fact]
    public void AfterPulseAnswer_DueCountsFromThePulsesWeek_NotTheDayOfTheAnswer()
    {
        // The pulse of Monday 7 December answered on Sunday 6 December in UTC (Monday morning in Auckland).
        var item = Rule.AfterPulseAnswer(null, "t", "p", "k1", right: false, pulseDay: new DateOnly(2026, 12, 7), today: new DateOnly(2026, 12, 6));

        Assert.Equal((new DateOnly(2026, 12, 21), new DateOnly(2026, 12, 6)), (item!.DueOn, item.CreatedOn));
    }

    [Fact]
    public void AfterPulseAnswer_RightWithNothingPending_ChangesNothing_RightWithOnePending_MarksItLearnt()
    {
        Assert.Null(Rule.AfterPulseAnswer(null, "t", "p", "k1", right: true, Tuesday, Tuesday));
        Assert.Null(Rule.AfterPulseAnswer(Item("k1", Tuesday, ReviewState.Learnt), "t", "p", "k1", right: true, Tuesday, Tuesday));

        var learnt = Rule.AfterPulseAnswer(Item("k1", Tuesday), "t", "p", "k1", right: true, Tuesday.AddDays(9), Tuesday.AddDays(9));

        Assert.Equal(ReviewState.Learnt, learnt!.State);
        Assert.Equal(Tuesday.AddDays(9), learnt.UpdatedOn);
    }

    [Fact]
    public void AfterPulseAnswer_MissAgain_EvenOnceLearnt_IsPendingAgainAndCountsTheMiss()
    {
        var again = Rule.AfterPulseAnswer(Item("k1", Tuesday, ReviewState.Learnt), "t", "p", "k1", right: false, Tuesday.AddDays(21), Tuesday.AddDays(21));

        Assert.Equal((ReviewState.Pending, 2, new DateOnly(2027, 1, 4), Tuesday, Tuesday.AddDays(21)), (again!.State, again.Misses, again.DueOn, again.CreatedOn, again.UpdatedOn));
    }

    [Fact]
    public void AfterReviewAnswer_Wrong_IsDueTheIntervalLater_Right_IsLearnt_BothRememberThePulseAndValue()
    {
        var day = new DateOnly(2026, 12, 15);
        var wrong = Rule.AfterReviewAnswer(Item("k1", new DateOnly(2026, 12, 14)), "pulse-51", "2", right: false, day, day);
        var right = Rule.AfterReviewAnswer(Item("k1", new DateOnly(2026, 12, 14)), "pulse-51", "0", right: true, day, day);

        Assert.Equal((ReviewState.Pending, 2, new DateOnly(2026, 12, 28), "pulse-51", "2"), (wrong.State, wrong.Misses, wrong.DueOn, wrong.ReviewPulseId, wrong.ReviewValue));
        Assert.Equal((ReviewState.Learnt, 1, "pulse-51", "0", day), (right.State, right.Misses, right.ReviewPulseId, right.ReviewValue, right.UpdatedOn));
        Assert.True(right.AnsweredIn("pulse-51"));
        Assert.False(right.AnsweredIn("pulse-52"));
    }

    [Fact]
    public void Choose_SeveralDue_TheOneDueEarliest_NotOnesDueLaterLearntUnreviewableOrAskedInThePulse()
    {
        var today = new DateOnly(2026, 12, 15);
        ReviewItem[] items =
        [
            Item("k-later", today.AddDays(1)),
            Item("k-learnt", today.AddDays(-30), ReviewState.Learnt),
            Item("k-inactive", today.AddDays(-20)),
            Item("k-in-pulse", today.AddDays(-20)),
            Item("k-due", today.AddDays(-7)),
            Item("k-due-today", today),
        ];

        var chosen = SpacedReview.Choose(items, "pulse-51", ["k-in-pulse", "b1"], today, id => id != "k-inactive");

        Assert.Equal("k-due", chosen!.QuestionId);
        Assert.Equal("k-due-today", SpacedReview.Choose(items.Where(i => i.QuestionId != "k-due"), "pulse-51", ["k-in-pulse"], today, id => id != "k-inactive")!.QuestionId);
        Assert.Null(SpacedReview.Choose([Item("k-later", today.AddDays(1))], "pulse-51", [], today, _ => true));
    }

    [Fact]
    public void Choose_AnItemAnsweredInThisPulse_IsTheOneShownStill_EvenLearntOrDueLater()
    {
        var today = new DateOnly(2026, 12, 16);
        var answered = Rule.AfterReviewAnswer(Item("k-b", today), "pulse-51", "0", right: true, today, today);

        var chosen = SpacedReview.Choose([Item("k-a", today.AddDays(-30)), answered], "pulse-51", [], today, _ => true);

        Assert.Equal("k-b", chosen!.QuestionId);
        // In the next pulse it is learnt: the other one comes.
        Assert.Equal("k-a", SpacedReview.Choose([Item("k-a", today.AddDays(-30)), answered], "pulse-52", [], today, _ => true)!.QuestionId);
    }

    [Fact]
    public void IsRightAnswerAndIsReviewable_FollowTheQuestion()
    {
        Assert.True(Quiz().IsRightAnswer("0"));
        Assert.True(Quiz().IsRightAnswer(" 0 "));
        Assert.False(Quiz().IsRightAnswer("1"));
        Assert.False(Quiz().IsRightAnswer(" 0x"));
        Assert.False(Quiz(kind: QuestionKind.Agreement).IsRightAnswer("0"));
        Assert.True(SpacedReview.IsReviewable(Quiz()));
        Assert.False(SpacedReview.IsReviewable(Quiz(active: false)));
        Assert.False(SpacedReview.IsReviewable(Quiz(kind: QuestionKind.Agreement)));
    }
}
