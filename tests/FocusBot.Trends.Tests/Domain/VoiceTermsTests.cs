using FocusBot.Domain.Trends;

namespace FocusBot.Trends.Tests.Domain;

public sealed class VoiceTermsTests
{
    [Fact]
    public void Extract_Sentence_DropsStopWordsAndQuestionEchoes()
    {
        Assert.Equal(["faster", "response", "support", "ticket"], VoiceTerms.Extract("We should have faster response times for our customers' support tickets!"));
    }

    [Fact]
    public void Extract_RepeatedAndPluralWords_CountOncePerAnswer()
    {
        Assert.Equal(["invoice", "confusing"], VoiceTerms.Extract("Invoices. Invoices, INVOICES and the invoice is confusing"));
    }

    [Fact]
    public void Extract_WordsEndingInSsUsIs_AreNotCutShort()
    {
        Assert.Equal(["process", "status", "analysis"], VoiceTerms.Extract("process status analysis"));
    }

    [Fact]
    public void Extract_NumbersAndShortWords_AreIgnored()
    {
        Assert.Equal(["refund"], VoiceTerms.Extract("24h or 2 ok? refunds"));
    }

    [Fact]
    public void Extract_VeryLongAnswer_TakesAtMostTheCap()
    {
        var text = string.Join(' ', Enumerable.Range(0, 100).Select(i => "word" + new string((char)('a' + (i % 26)), 1 + (i / 26))));

        Assert.Equal(VoiceTerms.MaxTermsPerAnswer, VoiceTerms.Extract(text).Count);
    }
}
