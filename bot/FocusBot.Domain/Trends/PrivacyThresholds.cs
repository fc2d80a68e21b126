namespace FocusBot.Domain.Trends;

/// <summary>
/// The group sizes below which FocusBot shows nothing: the promise HR repeats to staff. Validated once at start-up;
/// the minimum group size can be raised but never set below <see cref="Floor"/>.
/// </summary>
public sealed record PrivacyThresholds
{
    public const int DefaultMinimumGroupSize = 5;
    public const int Floor = 3;
    public const int DefaultMinimumCommentGroupSize = 10;
    public const int DefaultMinimumTermMentions = 3;

    /// <summary>Scores need at least this many respondents.</summary>
    public int MinimumGroupSize { get; init; } = DefaultMinimumGroupSize;

    /// <summary>Voice themes need at least this many people who commented.</summary>
    public int MinimumCommentGroupSize { get; init; } = DefaultMinimumCommentGroupSize;

    /// <summary>A Voice term is shown only when this many comments use it.</summary>
    public int MinimumTermMentions { get; init; } = DefaultMinimumTermMentions;

    /// <summary>The threshold a figure of <paramref name="measure"/> must meet.</summary>
    public int For(string measure) => measure == TrendMeasure.Voice ? MinimumCommentGroupSize : MinimumGroupSize;

    /// <summary>Problems with these settings, one sentence each; empty when they are safe to run with.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MinimumGroupSize < Floor)
            problems.Add($"Privacy:MinimumGroupSize is {MinimumGroupSize}; it can never be below {Floor}, or one person's answers could be worked out.");
        if (MinimumCommentGroupSize < MinimumGroupSize)
            problems.Add($"Privacy:MinimumCommentGroupSize is {MinimumCommentGroupSize}; it cannot be below the minimum group size ({MinimumGroupSize}).");
        if (MinimumTermMentions < 2)
            problems.Add($"Privacy:MinimumTermMentions is {MinimumTermMentions}; a Voice term needs at least 2 comments using it.");
        return problems;
    }
}
