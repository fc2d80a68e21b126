using FocusBot.Domain.Answers;

namespace FocusBot.Domain.Tests.Answers;

public sealed class AnswerBatchTests
{
    private static Answer A(string pulseId, string questionId, string respondent) => new()
    {
        PulseId = pulseId,
        QuestionId = questionId,
        RespondentPseudonym = respondent,
        TenantId = "t1",
        Value = "4",
        AnsweredAt = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void EnsureOnePulse_OneAnswerPerQuestionAndRespondent_Passes()
    {
        AnswerBatch.EnsureOnePulse("2026-W48.t1", [A("2026-W48.t1", "k1", "p1"), A("2026-W48.t1", "a1", "p1"), A("2026-W48.t1", "k1", "p2")]);
        AnswerBatch.EnsureOnePulse("2026-W48.t1", []);
    }

    [Fact]
    public void EnsureOnePulse_AnAnswerOfAnotherPulse_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => AnswerBatch.EnsureOnePulse("2026-W48.t1", [A("2026-W48.t1", "k1", "p1"), A("2026-W47.t1", "a1", "p1")]));

        Assert.Equal("answers", error.ParamName);
    }

    [Fact]
    public void EnsureOnePulse_SameQuestionAndRespondentTwice_Throws()
    {
        Assert.Throws<ArgumentException>(() => AnswerBatch.EnsureOnePulse("2026-W48.t1", [A("2026-W48.t1", "k1", "p1"), A("2026-W48.t1", "k1", "p1")]));
    }

    [Fact]
    public void EnsureOnePulse_NoPulseId_Throws()
    {
        Assert.Throws<ArgumentException>(() => AnswerBatch.EnsureOnePulse("", [A("2026-W48.t1", "k1", "p1")]));
    }
}
