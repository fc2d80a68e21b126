using FocusBot.Domain.Trends;
using FocusBot.Review;

namespace FocusBot.Tests.Review;

/// <summary>The ranges `review` reads, as of Saturday 5 Dec 2026 (in Q4 2026).</summary>
public sealed class ReviewRangeTests
{
    private static readonly DateOnly s_today = new(2026, 12, 5);

    private static ReviewRange Read(string text)
    {
        var (range, problem) = ReviewRange.Parse(text, s_today);
        Assert.Null(problem);
        return range!;
    }

    [Theory]
    [InlineData("")]
    [InlineData("last quarter")]
    [InlineData("Q3 2026")]
    [InlineData("2026 q3")]
    [InlineData("2026-Q3")]
    [InlineData("q3")]
    public void Quarter_IsItsThreeMonthsByMonth(string text)
    {
        var range = Read(text);

        Assert.Equal((PeriodKind.Month, "M2026-07", "M2026-09", 3), (range.Kind, range.First.Key, range.Last.Key, range.Count));
        Assert.Equal("Q3 2026", range.Label);
    }

    [Fact]
    public void ThisQuarter_RunsToItsEnd_AndTheYearIsTwelveMonths()
    {
        Assert.Equal(("M2026-10", "M2026-12"), (Read("this quarter").First.Key, Read("this quarter").Last.Key));
        Assert.Equal((PeriodKind.Month, 12), (Read("2026").Kind, Read("2026").Count));
    }

    [Theory]
    [InlineData("Nov 2026")]
    [InlineData("2026-11")]
    [InlineData("November 2026")]
    public void Month_IsItsWeeks(string text)
    {
        var range = Read(text);

        Assert.Equal(PeriodKind.Week, range.Kind);
        // The weeks whose Thursday is in November, as every FocusBot figure counts them.
        Assert.Equal(new DateOnly(2026, 11, 2), range.FirstDay);
        Assert.Equal(new DateOnly(2026, 11, 29), range.LastDay);
    }

    [Fact]
    public void Dates_UpToThirteenWeeksAreWeeks_LongerAreMonths()
    {
        var twelveWeeks = Read("2026-07-01 to 2026-09-20");
        var fourteenWeeks = Read("2026-07-01 to 2026-09-30");

        Assert.Equal((PeriodKind.Week, 12), (twelveWeeks.Kind, twelveWeeks.Count));
        Assert.Equal((new DateOnly(2026, 6, 29), new DateOnly(2026, 9, 20)), (twelveWeeks.FirstDay, twelveWeeks.LastDay));
        Assert.Equal((PeriodKind.Month, "M2026-07", "M2026-09"), (fourteenWeeks.Kind, fourteenWeeks.First.Key, fourteenWeeks.Last.Key));
    }
}
