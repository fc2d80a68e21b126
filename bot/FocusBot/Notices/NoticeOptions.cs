namespace FocusBot.Notices;

/// <summary>How FocusBot watches for failures Admins and HR should hear about (configuration section Notices).</summary>
public sealed class NoticeOptions
{
    public const string Section = "Notices";

    /// <summary>Off leaves the watch to whoever calls <see cref="NoticeWatchService.RunOnceAsync"/> (tests that move the clock).</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>How often the store is probed and finished fan-outs are looked at.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A store unreachable for at least this long is a notice once it answers again; shorter blips are not.</summary>
    public TimeSpan StorageOutageAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after an insight (or a day's recognitions) its fan-out is looked at: by then it has normally finished.</summary>
    public TimeSpan ReachCheckAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A fan-out with at least this many people unreachable (and <see cref="UnreachableShare"/> of them) is a notice.</summary>
    public int UnreachableAtLeast { get; set; } = 5;

    /// <summary>The share of a fan-out's people that must be unreachable for a notice, 0-1.</summary>
    public double UnreachableShare { get; set; } = 0.2;
}
