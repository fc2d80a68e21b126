using FocusBot.Domain.Trends;

namespace FocusBot.Trends;

/// <summary>The privacy thresholds of trend reports (configuration section Privacy, beside the pseudonym secret).</summary>
public sealed class TrendPrivacyOptions
{
    public const string Section = "Privacy";

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
