namespace FocusBot.Insights;

/// <summary>How scheduled insights are sent (configuration section Insights).</summary>
public sealed class InsightOptions
{
    public const string Section = "Insights";

    /// <summary>Off leaves the scheduler to whoever calls <see cref="InsightScheduler.RunOnceAsync"/> (tests that move the clock).</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>How often the scheduler looks for insights whose time has come: at most this late.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
