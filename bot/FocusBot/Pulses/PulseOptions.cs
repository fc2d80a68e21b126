using FocusBot.Domain.Pulses;

namespace FocusBot.Pulses;

/// <summary>The weekly rhythm, set by HR through configuration.</summary>
public sealed class PulseOptions
{
    public const string Section = "Pulse";

    /// <summary>Off leaves the schedule to whoever calls <see cref="PulseScheduler.RunOnceAsync"/> (tests that move the clock).</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>Off stops new pulses; open ones still close.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A pulse every this many weeks.</summary>
    public int CadenceWeeks { get; set; } = 1;

    public DayOfWeek SendDay { get; set; } = DayOfWeek.Tuesday;

    /// <summary>Local time in each person's own time zone.</summary>
    public TimeOnly SendTime { get; set; } = new(10, 0);

    /// <summary>For people whose time zone Teams has not told us.</summary>
    public string DefaultTimeZone { get; set; } = "Europe/London";

    public int CloseAfterDays { get; set; } = 4;

    /// <summary>Items per pulse, 3-5, mixing Knowledge, Behaviour and Attitude.</summary>
    public int Size { get; set; } = 4;

    /// <summary>An item is not asked again within this many weeks.</summary>
    public int NoRepeatWeeks { get; set; } = 6;

    /// <summary>Reminders after the person's send time, to those who have not answered; at most two.</summary>
    public IReadOnlyList<TimeSpan> Reminders { get; set; } = [TimeSpan.FromDays(1), TimeSpan.FromDays(3)];

    /// <summary>
    /// The pulse ends with the Voice question ("one thing we could do better") every this many pulses of the tenant: 1
    /// every pulse, 0 never (see <see cref="VoiceCadence"/>).
    /// </summary>
    public int VoiceEvery { get; set; } = 1;

    /// <summary>"Remind me later" waits this long.</summary>
    public TimeSpan RemindLaterAfter { get; set; } = TimeSpan.FromHours(3);

    /// <summary>The part of these options the domain's <see cref="PulseCalendar"/> works from.</summary>
    public PulseSchedule ToSchedule() => new()
    {
        CadenceWeeks = CadenceWeeks,
        SendDay = SendDay,
        SendTime = SendTime,
        DefaultTimeZone = DefaultTimeZone,
        CloseAfterDays = CloseAfterDays,
    };
}
