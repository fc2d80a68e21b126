using FocusBot.Domain.Questions;
using FocusBot.TestSupport;

namespace FocusBot.Domain.Tests.Questions;

public sealed class QuestionBankTests
{
    [Fact]
    public void EnsureValid_DistinctIds_Passes()
    {
        QuestionBank.EnsureValid(SampleQuestions.All);
        QuestionBank.EnsureValid([]);
    }

    [Fact]
    public void EnsureValid_AnIdTwice_ThrowsNamingTheId()
    {
        var error = Assert.Throws<ArgumentException>(() => QuestionBank.EnsureValid([SampleQuestions.Quiz, SampleQuestions.Agreement with { Id = "k1" }]));

        Assert.Contains("'k1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_IdsDifferingOnlyInCase_AreDifferentQuestions()
    {
        QuestionBank.EnsureValid([SampleQuestions.Quiz with { Id = "k1" }, SampleQuestions.Quiz with { Id = "K1" }]);
    }

    [Fact]
    public void EnsureValid_AQuestionWithoutId_Throws()
    {
        Assert.Throws<ArgumentException>(() => QuestionBank.EnsureValid([SampleQuestions.Quiz with { Id = "" }]));
    }

    [Fact]
    public void EnsureValid_ANullQuestion_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => QuestionBank.EnsureValid([SampleQuestions.Quiz, null!]));
    }
}
