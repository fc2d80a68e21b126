using FocusBot.Domain.Trends;

namespace FocusBot.Privacy;

/// <summary>
/// The group sizes below which nothing is shown (configuration section Privacy, beside the pseudonym secret). Features
/// take them as <see cref="PrivacyThresholds"/>. A class apart from <see cref="PrivacyOptions"/>: reading the thresholds
/// must not trip the secret's validation, or a start without a secret would report that before the other missing settings.
/// </summary>
public sealed class PrivacyThresholdsOptions
{
    public const string Section = PrivacyOptions.Section;

    /// <summary>Scores of a group with fewer respondents are hidden. Default 5, never below 3.</summary>
    public int MinimumGroupSize { get; set; } = PrivacyThresholds.DefaultMinimumGroupSize;

    /// <summary>Voice themes need at least this many people who commented. Default 10.</summary>
    public int MinimumCommentGroupSize { get; set; } = PrivacyThresholds.DefaultMinimumCommentGroupSize;

    public PrivacyThresholds ToThresholds() => new()
    {
        MinimumGroupSize = MinimumGroupSize,
        MinimumCommentGroupSize = MinimumCommentGroupSize,
    };
}
