using FocusBot.Domain.Trends;

namespace FocusBot.Domain.Programme;

/// <summary>
/// One item's figure for one team over the mastery weeks, as the privacy gate lets it out: counts only when at least the
/// minimum group size answered it (the most in any one week), otherwise nothing at all, so "not asked" and "asked of a few"
/// look the same. Only the gate makes these (<see cref="PrivacyGate.PublishLevelsAsync"/>).
/// </summary>
public sealed record ItemFigure
{
    internal ItemFigure(string questionId, string measure, long? favourable, long? answers, long? respondents)
    {
        QuestionId = questionId;
        Measure = measure;
        Favourable = favourable;
        Answers = answers;
        Respondents = respondents;
    }

    public string QuestionId { get; }

    /// <summary>The index the item feeds: <see cref="TrendMeasure.Knowledge"/>, Behaviour or Attitude.</summary>
    public string Measure { get; }

    /// <summary>Correct answers (Knowledge), "2-3 times" or more (Behaviour), agree or strongly agree (Attitude).</summary>
    public long? Favourable { get; }

    public long? Answers { get; }

    /// <summary>The most people who answered it in any one week: a floor on how many different people answered.</summary>
    public long? Respondents { get; }

    public bool IsShown => Answers is not null;
}

/// <summary>One team's item figures over the mastery weeks.</summary>
public sealed record TeamItemFigures(string Slice, string Name, IReadOnlyList<ItemFigure> Items)
{
    /// <summary>Whether the team has any figure the gate shows: a team without is left out of the organisation's level.</summary>
    public bool HasFigures => Items.Any(i => i.IsShown);
}

/// <summary>The weeks the mastery rule looks at and the teams' item figures in them.</summary>
public sealed record LevelFigures(IReadOnlyList<TrendPeriod> Weeks, IReadOnlyList<TeamItemFigures> Teams)
{
    public static readonly LevelFigures None = new([], []);
}
