using System.Globalization;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Tests.Support;

namespace FocusBot.Domain.Tests.Pulses;

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
        var calendar = new PulseCalendar(Schedules.TuesdayTenLondon with { CadenceWeeks = cadenceWeeks });

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

    [Fact]
    public void CycleAt_TuesdayOfIsoWeek48_SendsFromTheFirstTimeZoneAndClosesFourDaysAfterTheLast()
    {
        var cycle = new PulseCalendar(Schedules.TuesdayTenLondon).CycleAt(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal("2026-W48", cycle.Week);
        Assert.Equal(new DateOnly(2026, 11, 24), cycle.SendDate);
        // 10:00 at UTC+14 is 20:00 UTC the day before; 10:00 at UTC-12 is 22:00 UTC, and four days on from there.
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero), cycle.FirstSend);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 22, 0, 0, TimeSpan.Zero), cycle.ClosesAt);
        Assert.True(cycle.OnCadence);
    }

    [Theory]
    [InlineData("Europe/London", 2026, 11, 24, 10)] // GMT
    [InlineData("Europe/London", 2026, 6, 30, 9)] // BST
    [InlineData("America/New_York", 2026, 11, 24, 15)]
    [InlineData("Not/A_Zone", 2026, 11, 24, 10)] // unknown: the default zone (London)
    [InlineData(null, 2026, 6, 30, 9)]
    public void SendTimeFor_PersonsTimeZone_IsTenOClockThereInUtc(string? zone, int year, int month, int day, int utcHour)
    {
        var calendar = new PulseCalendar(Schedules.TuesdayTenLondon);
        var cycle = calendar.CycleAt(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(year, month, day, utcHour, 0, 0, TimeSpan.Zero), calendar.SendTimeFor(cycle, zone));
    }

    [Fact]
    public void SendTimeFor_DefaultZoneUnknownToo_IsTheSendTimeInUtc()
    {
        var calendar = new PulseCalendar(Schedules.TuesdayTenLondon with { DefaultTimeZone = "Not/A_Zone" });
        var cycle = calendar.CycleAt(new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 6, 30, 10, 0, 0, TimeSpan.Zero), calendar.SendTimeFor(cycle, null));
    }

    [Fact]
    public void SendTimeFor_SendTimeInTheSpringForwardGap_IsTheFirstValidTimeAfterIt()
    {
        // London skips 01:00-02:00 on Sunday 29 March 2026; with a 01:30 send time the card goes at 02:00 BST (01:00 UTC).
        var calendar = new PulseCalendar(Schedules.TuesdayTenLondon with { SendDay = DayOfWeek.Sunday, SendTime = new TimeOnly(1, 30) });
        var cycle = calendar.CycleAt(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 3, 29), cycle.SendDate);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), calendar.SendTimeFor(cycle, "Europe/London"));
    }

    [Theory]
    [InlineData("Europe/London", true)]
    [InlineData("Not/A_Zone", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void FindZone_Id_IsTheZoneWhenKnown(string? id, bool known)
    {
        Assert.Equal(known, PulseCalendar.FindZone(id) is not null);
    }

    [Theory]
    [InlineData("2026-11-25T12:00:00Z", "2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z")] // a November Wednesday: GMT
    [InlineData("2026-11-29T23:59:00Z", "2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z")] // Sunday night is the same week
    [InlineData("2026-03-29T22:30:00Z", "2026-03-23T00:00:00Z", "2026-03-29T23:00:00Z")] // the week summer time starts ends at 00:00 BST
    [InlineData("2026-03-29T23:30:00Z", "2026-03-29T23:00:00Z", "2026-04-05T23:00:00Z")] // 00:30 BST on Monday: a new week
    public void CalendarWeekAt_TheTenantsTimeZone_RunsMondayToMondayInLocalTime(string now, string start, string end)
    {
        var week = new PulseCalendar(Schedules.TuesdayTenLondon).CalendarWeekAt(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));

        Assert.Equal((DateTimeOffset.Parse(start, CultureInfo.InvariantCulture), DateTimeOffset.Parse(end, CultureInfo.InvariantCulture)), week);
    }

    [Fact]
    public void MonthStart_InSummerTime_IsLocalMidnight() =>
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 23, 0, 0, TimeSpan.Zero), new PulseCalendar(Schedules.TuesdayTenLondon).MonthStart(2026, 7));
}
