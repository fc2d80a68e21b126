using FocusBot.Domain.Trends;

namespace FocusBot.Retention;

/// <summary>How long raw answers and comments are kept (configuration section Retention).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Off leaves the daily pass to whoever calls <see cref="RetentionService.RunPassAsync"/> (tests that move the clock).</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>Whole months raw answers and comments are kept before the daily pass deletes them.</summary>
    public int RawAnswersMonths { get; set; } = RawAnswerRetention.DefaultMonths;

    /// <summary>The sentence start-up refuses a bad value with.</summary>
    public static readonly string RawAnswersMonthsRange =
        $"Retention:RawAnswersMonths must be a whole number of months from {RawAnswerRetention.MinimumMonths} to {RawAnswerRetention.MaximumMonths}: "
        + $"`comments` reads raw answers for up to {RawAnswerRetention.MinimumMonths} months back (24 months, 8 quarters), so a shorter period would leave "
        + "those views without most of their comments; the trend figures need no raw answers (they are sealed when each period closes).";
}
