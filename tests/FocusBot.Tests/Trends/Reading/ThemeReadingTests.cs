using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Trends.Reading;

/// <summary>Voice themes as the short phrases people wrote, counted once per comment.</summary>
public sealed class ThemeReadingTests
{
    [Fact]
    public async Task Themes_ArePhrasesOfTwoOrThreeWords_CountedOncePerComment()
    {
        await using var world = await TrendWorld.CreateAsync();
        var pulse = await world.OpenPulseAsync(0, SampleQuestions.Voice);
        string[] comments =
        [
            "Faster response times on support tickets",
            "Response times on live chat are too slow",
            "Shorter response times, response times, response times!",
            "Ask customers what outcome they need",
            "We should ask customers before we build",
            "Ask customers first",
            "Clearer invoices",
            "Clearer invoices please",
            "clearer invoices and billing",
            "The the and of it",
            "Thanks",
            "Refunds",
        ];
        await world.CohortAsync(pulse, SampleQuestions.Voice, "c", comments);
        await world.CloseAsync(pulse);
        await world.SealAsync();

        var report = await world.ReportAsync();

        Assert.Equal(["ask customers", "clearer invoices", "response times"], report.Themes.Select(t => t.Term));
        Assert.All(report.Themes, t => Assert.Equal(3, t.Mentions));
        Assert.Equal(12, report.ThemeCommenters);
    }
}
