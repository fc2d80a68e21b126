using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Trends.Reading;

public sealed class SparklineTests
{
    [Fact]
    public async Task Of_RisingSeriesWithAHiddenWeek_ClimbsAndShowsTheGap()
    {
        await using var world = await TrendWorld.CreateAsync();
        string[][] weeks = [["0", "0", "0", "0", "1", "1"], ["1", "1", "1"], ["1", "1", "1", "1", "0", "0"], ["1", "1", "1", "1", "1", "1"]];
        for (var week = 0; week < weeks.Length; week++)
        {
            var pulse = await world.OpenPulseAsync(week, SampleQuestions.Quiz);
            await world.CohortAsync(pulse, SampleQuestions.Quiz, "p", weeks[week]);
            await world.CloseAsync(pulse);
        }

        await world.SealAsync();
        var series = (await world.ReportAsync(count: 4)).Organisation["K"].Points;

        Assert.Equal("▁·▅█", FocusBot.Trends.Sparkline.Of(series));
    }
}
