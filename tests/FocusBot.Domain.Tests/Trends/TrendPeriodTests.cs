using FocusBot.Domain.Trends;

namespace FocusBot.Domain.Tests.Trends;

public sealed class TrendPeriodTests
{
    [Fact]
    public void WeekOf_NewYearOnThursday_IsWeekOneStartingTheMondayBefore()
    {
        var week = TrendPeriod.WeekOf(new DateOnly(2026, 1, 1));

        Assert.Equal("W2026-01", week.Key);
        Assert.Equal(new DateOnly(2025, 12, 29), week.FirstDay);
        Assert.Equal(new DateOnly(2026, 1, 4), week.LastDay);
    }

    [Fact]
    public void WeekOf_FridayFirstOfJanuary_BelongsToTheLastWeekOfThePreviousIsoYear()
    {
        Assert.Equal("W2026-53", TrendPeriod.WeekOf(new DateOnly(2027, 1, 1)).Key);
    }

    [Fact]
    public void AllFor_PulseOpeningOnMondayBeforeAMonthStarts_CountsInTheMonthOfItsThursday()
    {
        // Monday 29 June 2026: its week's Thursday is 2 July, so the pulse counts in July and in Q3.
        var periods = TrendPeriod.AllFor(new DateTimeOffset(2026, 6, 29, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(["W2026-27", "M2026-07", "Q2026-3"], periods.Select(p => p.Key));
    }

    [Fact]
    public void Children_Month_AreTheWeeksWhoseThursdayFallsInIt()
    {
        // Thursdays of July 2026: 2, 9, 16, 23, 30.
        var july = new TrendPeriod(PeriodKind.Month, 2026, 7);

        Assert.Equal(["W2026-27", "W2026-28", "W2026-29", "W2026-30", "W2026-31"], july.Children().Select(w => w.Key));
        Assert.Equal(new DateOnly(2026, 6, 29), july.FirstDay);
        Assert.Equal(new DateOnly(2026, 8, 2), july.LastDay);
        Assert.Equal(new DateTimeOffset(2026, 8, 3, 0, 0, 0, TimeSpan.Zero), july.EndsAt);
    }

    [Fact]
    public void Weeks_Quarter_AreThirteenWeeksNestedInItsMonths()
    {
        var q3 = new TrendPeriod(PeriodKind.Quarter, 2026, 3);

        var weeks = q3.Weeks();

        Assert.Equal(13, weeks.Count);
        Assert.Equal("W2026-27", weeks[0].Key);
        Assert.Equal("W2026-39", weeks[^1].Key);
        Assert.All(weeks, w => Assert.Equal(q3, w.Parent()!.Value.Parent()));
    }

    [Fact]
    public void Range_AcrossNewYear_StepsBackThroughTheIsoYear()
    {
        var range = TrendPeriod.Range(TrendPeriod.WeekOf(new DateOnly(2026, 1, 7)), 3);

        Assert.Equal(["W2025-52", "W2026-01", "W2026-02"], range.Select(p => p.Key));
    }

    [Fact]
    public void NextAndPrevious_MonthsAndQuarters_WrapAtTheYearEnd()
    {
        Assert.Equal("M2027-01", new TrendPeriod(PeriodKind.Month, 2026, 12).Next().Key);
        Assert.Equal("Q2025-4", new TrendPeriod(PeriodKind.Quarter, 2026, 1).Previous().Key);
    }

    [Theory]
    [InlineData("W2026-05", true)]
    [InlineData("M2026-11", true)]
    [InlineData("Q2026-4", true)]
    [InlineData("W2026-53", true)]
    [InlineData("W2025-53", false)]
    [InlineData("W2026-5", false)]
    [InlineData("M2026-13", false)]
    [InlineData("Q2026-5", false)]
    [InlineData("X2026-01", false)]
    [InlineData("", false)]
    public void TryParse_Key_AcceptsOnlyCanonicalKeys(string key, bool valid)
    {
        Assert.Equal(valid, TrendPeriod.TryParse(key, out var period));
        if (valid)
            Assert.Equal(key, period.Key);
    }

    [Fact]
    public void Keys_OfOneKind_SortAsText_InTimeOrder()
    {
        var weeks = TrendPeriod.Range(new TrendPeriod(PeriodKind.Week, 2027, 3), 60).Select(p => p.Key).ToList();

        Assert.Equal(weeks, weeks.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(PeriodKind.Week, 2026, 48, "week of 23 Nov 2026")]
    [InlineData(PeriodKind.Week, 2026, 1, "week of 29 Dec 2025")]
    [InlineData(PeriodKind.Month, 2026, 11, "Nov 2026")]
    [InlineData(PeriodKind.Quarter, 2026, 4, "Q4 2026")]
    public void Label_ReadsAsADate_NotAnIsoWeekNumber(PeriodKind kind, int year, int number, string label)
    {
        Assert.Equal(label, new TrendPeriod(kind, year, number).Label);
    }
}
