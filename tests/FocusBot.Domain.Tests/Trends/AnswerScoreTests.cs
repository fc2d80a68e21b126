using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;
using FocusBot.TestSupport;

namespace FocusBot.Domain.Tests.Trends;

public sealed class AnswerScoreTests
{
    private static Dictionary<string, long> Buckets(Question question, string value) =>
        AnswerScore.Of(question, value)!.Buckets.ToDictionary(b => b.Key, b => b.Value);

    [Fact]
    public void Of_QuizRightOption_CountsOneCorrect()
    {
        Assert.Equal(new Dictionary<string, long> { ["n"] = 1, ["correct"] = 1 }, Buckets(SampleQuestions.Quiz, "1"));
        Assert.Equal(TrendMeasure.Knowledge, AnswerScore.Of(SampleQuestions.Quiz, "1")!.Measure);
    }

    [Fact]
    public void Of_QuizWrongOption_CountsAnAnswerButNotCorrect()
    {
        Assert.Equal(new Dictionary<string, long> { ["n"] = 1, ["correct"] = 0 }, Buckets(SampleQuestions.Quiz, "2"));
    }

    [Theory]
    [InlineData("0", 0, 0)]
    [InlineData("1", 0, 1)]
    [InlineData("2", 1, 2)]
    [InlineData("3", 1, 3)]
    public void Of_Frequency_TwoToThreeTimesOrMoreCountsAsBehaviour(string value, long atLeastTwice, long sum)
    {
        Assert.Equal(new Dictionary<string, long> { ["n"] = 1, ["ge2"] = atLeastTwice, ["sum"] = sum }, Buckets(SampleQuestions.Frequency, value));
    }

    [Theory]
    [InlineData("1", 0, 1)]
    [InlineData("2", 0, 1)]
    [InlineData("3", 0, 0)]
    [InlineData("4", 1, 0)]
    [InlineData("5", 1, 0)]
    public void Of_Agreement_FourAndFiveAreFavourable_OneAndTwoUnfavourable(string value, long favourable, long unfavourable)
    {
        var buckets = Buckets(SampleQuestions.Agreement, value);

        Assert.Equal(favourable, buckets["fav"]);
        Assert.Equal(unfavourable, buckets["unfav"]);
        Assert.Equal(long.Parse(value, System.Globalization.CultureInfo.InvariantCulture), buckets["sum"]);
    }

    [Theory]
    [InlineData("10", 1, 0)]
    [InlineData("9", 1, 0)]
    [InlineData("8", 0, 0)]
    [InlineData("7", 0, 0)]
    [InlineData("6", 0, 1)]
    [InlineData("0", 0, 1)]
    public void Of_Advocacy_NineTenPromote_ZeroToSixDetract(string value, long promoter, long detractor)
    {
        var buckets = Buckets(SampleQuestions.Advocacy, value);

        Assert.Equal(promoter, buckets["promoter"]);
        Assert.Equal(detractor, buckets["detractor"]);
    }

    [Theory]
    [InlineData("k1", "3")]
    [InlineData("k1", "-1")]
    [InlineData("b1", "4")]
    [InlineData("a1", "0")]
    [InlineData("a1", "6")]
    [InlineData("adv", "11")]
    [InlineData("a1", "four")]
    [InlineData("v1", "   ")]
    public void Of_ValueOutsideTheScale_IsNotCounted(string questionId, string value)
    {
        Assert.Null(AnswerScore.Of(SampleQuestions.All.Single(q => q.Id == questionId), value));
    }

    [Fact]
    public void Of_FreeText_IsAVoiceCommentWithItsText()
    {
        var score = AnswerScore.Of(SampleQuestions.Voice, "  Faster refunds  ")!;

        Assert.Equal(TrendMeasure.Voice, score.Measure);
        Assert.Equal("Faster refunds", score.Text);
    }
}
