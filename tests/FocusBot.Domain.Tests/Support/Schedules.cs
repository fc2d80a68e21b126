using FocusBot.Domain.Pulses;

namespace FocusBot.Domain.Tests.Support;

internal static class Schedules
{
    /// <summary>The host's default rhythm (Pulse options): Tuesdays at 10:00 local, weekly, closing four days later.</summary>
    public static readonly PulseSchedule TuesdayTenLondon = new()
    {
        CadenceWeeks = 1,
        SendDay = DayOfWeek.Tuesday,
        SendTime = new TimeOnly(10, 0),
        DefaultTimeZone = "Europe/London",
        CloseAfterDays = 4,
    };
}
