using System.Globalization;
using FocusBot.Domain.Pulses;

namespace FocusBot.Tests.Pulses;

/// <summary>The cadence must hold across the end of ISO years, 52-week and 53-week alike (2020 and 2026 have a W53).</summary>
public sealed class PulseCalendarTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void CycleAt_EveryWeekFrom2019To2029_PulsesAreExactlyCadenceWeeksApart(int cadenceWeeks)
    {
        var calendar = new PulseCalendar(new FocusBot.Pulses.PulseOptions { CadenceWeeks = cadenceWeeks }.ToSchedule());

        var sendDates = new List<DateOnly>();
        for (var monday = new DateTimeOffset(2019, 1, 7, 12, 0, 0, TimeSpan.Zero); monday.Year < 2030; monday = monday.AddDays(7))
        {
            var cycle = calendar.CycleAt(monday);
            if (cycle.OnCadence)
                sendDates.Add(cycle.SendDate);
        }

        Assert.True(ISOWeek.GetWeeksInYear(2020) == 53 && ISOWeek.GetWeeksInYear(2026) == 53, "the range must cross 53-week years");
        var gaps = sendDates.Zip(sendDates.Skip(1), (a, b) => (From: a, Days: b.DayNumber - a.DayNumber)).ToList();
        Assert.True(gaps.Count > 100 / cadenceWeeks, $"only {sendDates.Count} pulses in eleven years");
        var wrong = gaps.Where(g => g.Days != 7 * cadenceWeeks).Select(g => $"{g.From:yyyy-MM-dd} +{g.Days / 7} weeks").ToList();
        Assert.True(wrong.Count == 0, "pulses not " + cadenceWeeks + " weeks apart: " + string.Join(", ", wrong));
    }
}
