using FocusBot.Domain.Kpis;
using FocusBot.Domain.Trends;

namespace FocusBot.Domain.Tests.Kpis;

public sealed class KpiPeriodsTests
{
    [Theory]
    [InlineData("2026-W48", PeriodKind.Week, 48)]
    [InlineData("2026-w05", PeriodKind.Week, 5)]
    [InlineData(" 2026-11 ", PeriodKind.Month, 11)]
    [InlineData("2026-3", PeriodKind.Month, 3)]
    [InlineData("2026-Q4", PeriodKind.Quarter, 4)]
    public void TryParse_WeekMonthQuarter_AsTheTrendsCountThem(string text, PeriodKind kind, int number)
    {
        Assert.True(KpiPeriods.TryParse(text, out var period));
        Assert.Equal(new TrendPeriod(kind, 2026, number), period);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("2026-W54")]
    [InlineData("2026-00")]
    [InlineData("Q4 2026")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_NotAPeriod_IsRefused(string? text) => Assert.False(KpiPeriods.TryParse(text, out _));

    [Fact]
    public void Format_ReadsBack()
    {
        foreach (var period in (TrendPeriod[])[new(PeriodKind.Week, 2026, 1), new(PeriodKind.Month, 2026, 11), new(PeriodKind.Quarter, 2026, 4)])
        {
            Assert.True(KpiPeriods.TryParse(KpiPeriods.Format(period), out var back));
            Assert.Equal(period, back);
        }
    }

    [Theory]
    [InlineData("%", 100.0, null)]
    [InlineData("%", 100.5, "a percentage is from 0 to 100")]
    [InlineData("%", -0.1, "a percentage is from 0 to 100")]
    [InlineData("NPS", -100.0, null)]
    [InlineData("NPS", 101.0, "an NPS is from -100 to 100")]
    [InlineData("count", 0.0, null)]
    [InlineData("count", 2.5, "a count is a whole number, 0 or more")]
    [InlineData("count", -1.0, "a count is a whole number, 0 or more")]
    [InlineData("days", -3.0, null)]
    [InlineData("days", double.NaN, "the value must be a number")]
    [InlineData("days", double.PositiveInfinity, "the value must be a number")]
    public void UnitProblem_RangesOfTheKnownUnits(string unit, double value, string? problem) => Assert.Equal(problem, KpiUnits.Problem(unit, value));
}
