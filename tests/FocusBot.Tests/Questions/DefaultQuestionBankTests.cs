using FocusBot.Domain.Questions;
using FocusBot.Questions;
using FocusBot.Questions.Interchange;

namespace FocusBot.Tests.Questions;

public sealed class DefaultQuestionBankTests
{
    private static readonly IReadOnlyList<Question> s_bank = DefaultQuestionBank.Load(DateTimeOffset.UnixEpoch);

    [Fact]
    public void Load_EmbeddedJson_PassesTheImportRules()
    {
        var result = QuestionBankReader.Read(DefaultQuestionBank.ReadJson(), QuestionFileFormat.Json, DateTimeOffset.UnixEpoch);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.InRange(result.Questions.Count(q => q.Active), 28, 32);
    }

    [Theory]
    [InlineData(QuestionDimension.Knowledge)]
    [InlineData(QuestionDimension.Behaviour)]
    [InlineData(QuestionDimension.Attitude)]
    public void Load_EachMeasuredDimension_HasActiveQuestionsAtAllThreeLevels(QuestionDimension dimension)
    {
        var levels = s_bank.Where(q => q.Active && q.Dimension == dimension).Select(q => q.Level).Distinct().Order();

        Assert.Equal([1, 2, 3], levels);
    }

    [Fact]
    public void Load_HasTheOneThingVoiceQuestionAndOneAdvocacyItem()
    {
        var voice = Assert.Single(s_bank, q => q.Dimension == QuestionDimension.Voice);
        Assert.Equal("What one thing could we do better for our customers?", voice.Text);
        Assert.Equal(QuestionKind.FreeText, voice.Kind);
        Assert.Single(s_bank, q => q.Kind == QuestionKind.Advocacy && q.Dimension == QuestionDimension.Attitude);
    }

    [Fact]
    public void Load_EveryQuiz_HasItsAnswerAndWhyAndTopicTags()
    {
        Assert.All(s_bank, q => Assert.NotEmpty(q.Tags));
        Assert.All(s_bank.Where(q => q.Kind == QuestionKind.Quiz), q =>
        {
            Assert.InRange(q.Options.Count, 2, 6);
            Assert.NotNull(q.CorrectOption);
            Assert.False(string.IsNullOrWhiteSpace(q.Explanation));
        });
    }

    [Fact]
    public void Load_CompanyTemplates_StayInactiveUntilHrFillsThemIn()
    {
        var templates = s_bank.Where(q => q.Tags.Contains("template")).ToList();

        Assert.NotEmpty(templates);
        Assert.All(templates, t => Assert.False(t.Active));
    }

    [Fact]
    public void Load_Ids_AreStableNamesWithTheDimensionPrefix()
    {
        Assert.Contains(s_bank, q => q.Id == "k-iso-accountable");
        Assert.Contains(s_bank, q => q.Id == "b-spoke-with-customer");
        Assert.All(s_bank, q => Assert.StartsWith(q.Dimension.ToString()[..1].ToUpperInvariant(), q.Id.ToUpperInvariant(), StringComparison.Ordinal));
    }
}
