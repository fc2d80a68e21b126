namespace FocusBot.Domain.Pulses;

/// <summary>
/// The rhythm <see cref="PulseCalendar"/> works from: the send day and local time, every how many weeks, when a pulse
/// closes, and the time zone of people whose own is not known. The host fills it from its Pulse options.
/// </summary>
public sealed record PulseSchedule
{
    /// <summary>A pulse every this many weeks; 1 or less means every week.</summary>
    public required int CadenceWeeks { get; init; }

    public required DayOfWeek SendDay { get; init; }

    /// <summary>Local time in each person's own time zone.</summary>
    public required TimeOnly SendTime { get; init; }

    /// <summary>For people whose time zone is not known; an unknown id falls back to UTC.</summary>
    public required string DefaultTimeZone { get; init; }

    /// <summary>Days from the last person's send time to the close.</summary>
    public required int CloseAfterDays { get; init; }
}
