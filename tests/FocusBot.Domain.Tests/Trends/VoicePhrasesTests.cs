using FocusBot.Domain.Trends;

namespace FocusBot.Domain.Tests.Trends;

public sealed class VoicePhrasesTests
{
    [Fact]
    public void Extract_Sentence_GivesTheTwoAndThreeWordRunsBetweenFunctionWords()
    {
        Assert.Equal(["faster response", "faster response times", "response times", "customers support", "customers support tickets", "support tickets"],
            VoicePhrases.Extract("We should have faster response times for our customers' support tickets!"));
    }

    [Fact]
    public void Extract_Punctuation_EndsAPhrase()
    {
        Assert.Equal(["clearer invoices"], VoicePhrases.Extract("Clearer invoices, billing. Refunds"));
    }

    [Fact]
    public void Extract_QuestionEchoes_JoinAPhraseButCannotMakeOneAlone()
    {
        Assert.Equal(["ask customers"], VoicePhrases.Extract("Ask customers. Better customer team."));
    }

    [Fact]
    public void Extract_RepeatedPhraseInOtherForms_CountsOncePerAnswer()
    {
        Assert.Equal(["response times"], VoicePhrases.Extract("Response times, response time, RESPONSE TIMES"));
    }

    [Fact]
    public void Extract_NumbersAndSingleLetters_EndAPhrase()
    {
        Assert.Equal(["live chat"], VoicePhrases.Extract("24h live chat 2 x refunds"));
    }

    [Fact]
    public void Key_FoldsPluralsButNotWordsEndingInSsUsIs()
    {
        Assert.Equal("response time", VoicePhrases.Key("response times"));
        Assert.Equal("process status analysis", VoicePhrases.Key("process status analysis"));
        Assert.Equal("company policy", VoicePhrases.Key("companies policies"));
    }

    [Fact]
    public void Extract_VeryLongAnswer_TakesAtMostTheCap()
    {
        var text = string.Join(' ', Enumerable.Range(0, 100).Select(i => "word" + new string((char)('a' + (i % 26)), 1 + (i / 26))));

        Assert.Equal(VoicePhrases.MaxPhrasesPerAnswer, VoicePhrases.Extract(text).Count);
    }
}
