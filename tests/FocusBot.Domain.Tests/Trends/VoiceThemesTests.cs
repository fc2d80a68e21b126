using FocusBot.Domain.Trends;

namespace FocusBot.Domain.Tests.Trends;

public sealed class VoiceThemesTests
{
    private static IReadOnlyList<VoiceTheme> Pick(params (string Phrase, long Comments)[] counts) =>
        VoiceThemes.Pick(counts.Select(c => KeyValuePair.Create(c.Phrase, c.Comments)), minimumComments: 3, max: 8);

    [Fact]
    public void Pick_FormsOfOnePhrase_AddUpAndShowAsMostPeopleWroteIt()
    {
        var themes = Pick(("response times", 4), ("response time", 2));

        Assert.Equal([new VoiceTheme("response times", 6)], themes);
    }

    [Fact]
    public void Pick_PhraseInsideAMoreUsedOne_StaysOut_AndTheLongerWinsATie()
    {
        var themes = Pick(("response times", 9), ("faster response times", 4), ("share customer feedback", 5), ("customer feedback", 5));

        Assert.Equal(["response times", "share customer feedback"], themes.Select(t => t.Term));
    }

    [Fact]
    public void Pick_PhrasesRunningIntoEachOther_KeepOnlyTheFirst_UnlessTheyShareOnlyAnEcho()
    {
        var themes = Pick(("support staff refund", 5), ("staff refund small", 5), ("refund small amounts", 5), ("ask customers", 4), ("customer feedback", 4));

        Assert.Equal(["refund small amounts", "ask customers", "customer feedback"], themes.Select(t => t.Term));
    }

    [Fact]
    public void Pick_UnderTheMinimumComments_IsLeftOut()
    {
        Assert.Empty(Pick(("manager zebedee", 2), ("live chat", 0), ("broken count", -1)));
    }
}
