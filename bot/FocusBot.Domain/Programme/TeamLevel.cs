namespace FocusBot.Domain.Programme;

/// <summary>What keeps a team from the next level, one reason each.</summary>
public enum LevelGapKind
{
    /// <summary>A knowledge item answered correctly by fewer than the mastery percentage.</summary>
    BelowMastery,

    /// <summary>
    /// An item (or the level's behaviour or attitude items) without enough people answering in the weeks looked at: never
    /// asked and asked of a few read the same.
    /// </summary>
    NotEnoughAnswers,

    /// <summary>The level's behaviour or attitude items below the favourable percentage.</summary>
    BelowFavourable,

    /// <summary>The question bank holds no active item of the level.</summary>
    NoItems,
}

/// <summary>
/// One thing between a team and its next level. <see cref="QuestionId"/> names a knowledge item; for behaviour or
/// attitude it is null and <see cref="Measure"/> says which. <see cref="Percent"/> (floored, so 79.6% reads 79%) and
/// <see cref="PointsShort"/> only where the figure is shown.
/// </summary>
public sealed record LevelGap(LevelGapKind Kind, string Measure, string? QuestionId = null, string? Text = null, int? Percent = null, int? PointsShort = null);

/// <summary>A team's level (0 to 3) and, below 3, what stands between it and the next.</summary>
public sealed record TeamLevel(string Slice, string Name, int Reached, IReadOnlyList<LevelGap> Gaps, bool HasFigures)
{
    public const int Top = 3;

    public int? Next => Reached < Top ? Reached + 1 : null;
}
