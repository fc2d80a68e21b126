using FocusBot.Domain.Trends;

namespace FocusBot.Tests.Trends.Host;

public sealed class TrendsArgumentsTests
{
    [Theory]
    [InlineData("", null, null, PeriodKind.Week, 12)]
    [InlineData("Customer Support", "Customer Support", null, PeriodKind.Week, 12)]
    [InlineData("attitude", null, "A", PeriodKind.Week, 12)]
    [InlineData("Sales knowledge 26 weeks", "Sales", "K", PeriodKind.Week, 26)]
    [InlineData("Sales 6 months", "Sales", null, PeriodKind.Month, 6)]
    [InlineData("4q behaviour", null, "B", PeriodKind.Quarter, 4)]
    [InlineData("months", null, null, PeriodKind.Month, 6)]
    [InlineData("org 8", null, null, PeriodKind.Week, 8)]
    [InlineData("Ops 500 weeks", "Ops", null, PeriodKind.Week, 52)]
    [InlineData("Ops 1", "Ops", null, PeriodKind.Week, 2)]
    public void Parse_WordsInAnyOrder_FindTeamDimensionAndPeriods(string text, string? team, string? dimension, PeriodKind kind, int count)
    {
        Assert.Equal(new FocusBot.Trends.TrendsArguments(team, dimension, kind, count), FocusBot.Trends.TrendsArguments.Parse(text));
    }
}
