using System.Globalization;
using FocusBot.Domain.Answers;

namespace FocusBot.Domain.Tests.Answers;

public sealed class AnswerTests
{
    [Theory]
    [InlineData("2026-11-24T23:59:59+00:00")]
    [InlineData("2026-11-24T00:00:00+00:00")]
    [InlineData("2026-11-25T00:30:00+01:00")]
    [InlineData("2026-11-24T18:00:00-05:00")]
    public void DayOf_AnyTimeThatDayInUtc_IsMidnightUtc(string time)
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), Answer.DayOf(DateTimeOffset.Parse(time, CultureInfo.InvariantCulture)));
    }
}
