using System.Globalization;

namespace FocusBot.Domain.Pulses;

/// <summary>
/// When a pulse happens: its ISO week, each person's local send time (daylight saving included), and when it closes.
/// Pure functions of the schedule and an instant, so tests can walk a whole week with a fake clock.
/// </summary>
public sealed class PulseCalendar(PulseSchedule schedule)
{
    // The earliest and latest UTC offsets in use: anyone on Earth gets the pulse between these two instants.
    private static readonly TimeSpan EarliestOffset = TimeSpan.FromHours(14);
    private static readonly TimeSpan LatestOffset = TimeSpan.FromHours(-12);

    // Cadence counts weeks from a fixed Monday rather than from ISO week numbers: years have 52 or 53 ISO weeks, so
    // any formula on (year, week) skips or doubles a pulse at some year end.
    private static readonly DateTime CadenceEpoch = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>The cycle that contains <paramref name="now"/>: the ISO week whose send day it falls near.</summary>
    public PulseCycle CycleAt(DateTimeOffset now)
    {
        var reference = now.ToOffset(EarliestOffset).DateTime;
        var week = ISOWeek.GetWeekOfYear(reference);
        var year = ISOWeek.GetYear(reference);
        var monday = ISOWeek.ToDateTime(year, week, DayOfWeek.Monday);
        var sendDate = DateOnly.FromDateTime(monday.AddDays(((int)schedule.SendDay + 6) % 7));
        var firstSend = new DateTimeOffset(sendDate.ToDateTime(schedule.SendTime), EarliestOffset);
        var lastSend = new DateTimeOffset(sendDate.ToDateTime(schedule.SendTime), LatestOffset);
        var onCadence = schedule.CadenceWeeks <= 1 || WeeksSinceEpoch(monday) % schedule.CadenceWeeks == 0;
        return new PulseCycle($"{year}-W{week:00}", sendDate, firstSend, lastSend.AddDays(schedule.CloseAfterDays), onCadence);
    }

    /// <summary>The person's local send time on the cycle's send day, as an instant.</summary>
    public DateTimeOffset SendTimeFor(PulseCycle cycle, string? timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var zone = FindZone(timeZoneId) ?? FindZone(schedule.DefaultTimeZone) ?? TimeZoneInfo.Utc;
        var local = cycle.SendDate.ToDateTime(schedule.SendTime);
        // Spring-forward gap (e.g. 02:30 that never happens): send at the first valid minute after it.
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(30);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    /// <summary>The tenant's time zone (<see cref="PulseSchedule.DefaultTimeZone"/>; UTC when unknown): its weeks and months.</summary>
    public TimeZoneInfo Zone => FindZone(schedule.DefaultTimeZone) ?? TimeZoneInfo.Utc;

    /// <summary>
    /// The calendar week (Monday 00:00 to the next Monday 00:00) that contains <paramref name="now"/> in the tenant's
    /// time zone: the week the tenant's pulses are numbered by, for whatever is counted per week.
    /// </summary>
    public (DateTimeOffset Start, DateTimeOffset End) CalendarWeekAt(DateTimeOffset now)
    {
        var zone = Zone;
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var monday = local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7));
        return (AtLocal(monday, zone), AtLocal(monday.AddDays(7), zone));
    }

    /// <summary>The first day of a month, 00:00 in the tenant's time zone, as an instant.</summary>
    public DateTimeOffset MonthStart(int year, int month) => AtLocal(new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified), Zone);

    /// <summary>A local midnight as an instant; a midnight skipped by a clock change is read as the first valid minute after it.</summary>
    private static DateTimeOffset AtLocal(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(30);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>Whole weeks from the epoch Monday to <paramref name="monday"/>: one continuous count across year ends.</summary>
    public static int WeeksSinceEpoch(DateTime monday) => (int)((monday.Date - CadenceEpoch).TotalDays / 7);

    /// <summary>The system time zone of an IANA (or Windows) id; null for none or an unknown one.</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
            return null;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }
}

/// <summary>One cycle: its week id, the send date, when the first person gets it and when it closes for everyone.</summary>
public sealed record PulseCycle(string Week, DateOnly SendDate, DateTimeOffset FirstSend, DateTimeOffset ClosesAt, bool OnCadence);
