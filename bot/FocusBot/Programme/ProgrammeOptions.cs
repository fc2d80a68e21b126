using FocusBot.Domain.Programme;

namespace FocusBot.Programme;

/// <summary>Programme events and their before-and-after view (configuration section Programme).</summary>
public sealed class ProgrammeOptions
{
    public const string Section = "Programme";

    /// <summary>Weeks compared on each side of an event's week. Default 4, from 2 to 12.</summary>
    public int EventWindowWeeks { get; set; } = BeforeAfter.DefaultWindowWeeks;

    /// <summary>The sentence start-up refuses a bad value with.</summary>
    public static readonly string EventWindowWeeksRange =
        $"Programme:EventWindowWeeks must be a whole number of weeks from {BeforeAfter.MinWindowWeeks} to {BeforeAfter.MaxWindowWeeks}: one week either side " +
        "is too few to tell a change from an ordinary week, and beyond a quarter other events and the season blur what one event did.";
}
