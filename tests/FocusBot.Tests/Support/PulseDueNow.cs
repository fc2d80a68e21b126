using System.Globalization;

namespace FocusBot.Tests.Support;

/// <summary>
/// Settings that make a FocusBot on the real clock open this week's pulse at its first scheduler pass and send it to
/// everyone at once: a tool for tests that run FocusBot as a process, whose clock they cannot move.
/// </summary>
public static class PulseDueNow
{
    /// <summary>
    /// UTC+14 all year. The pulse calendar names a cycle by the date at the earliest offset on Earth (+14); with the send
    /// day set to that date and people in that zone, the pulse is due from midnight there, which has always passed. UTC as
    /// the send zone would not do: on a Sunday after 10:00 UTC it is already Monday at +14, the next cycle, still to come.
    /// </summary>
    public const string TimeZone = "Pacific/Kiritimati";

    public static Dictionary<string, string?> Settings() => new()
    {
        ["Pulse:SendDay"] = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(14)).DayOfWeek.ToString(),
        ["Pulse:SendTime"] = "00:00",
        ["Pulse:DefaultTimeZone"] = TimeZone,
        // Open all through the test whatever the hour; reminders (a day after) never come within it.
        ["Pulse:CloseAfterDays"] = 7.ToString(CultureInfo.InvariantCulture),
    };
}
