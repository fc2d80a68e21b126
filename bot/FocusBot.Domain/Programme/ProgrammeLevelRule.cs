using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;

namespace FocusBot.Domain.Programme;

/// <summary>
/// The mastery rule applied to a team's item figures (<see cref="MasteryRule"/>): levels are reached in order, so a team
/// at level 1 is one that meets level 1, whatever it scores on level 2. Pure: the figures come from the privacy gate,
/// the items from the active question bank.
/// </summary>
public static class ProgrammeLevelRule
{
    public static TeamLevel Evaluate(TeamItemFigures team, IReadOnlyList<Question> bank, MasteryRule rule)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(rule);
        var figures = team.Items.Where(i => i.IsShown && i.Respondents >= rule.MinRespondents).ToDictionary(i => (i.Measure, i.QuestionId));
        var reached = 0;
        List<LevelGap> gaps = [];
        for (var level = 1; level <= TeamLevel.Top; level++)
        {
            gaps = GapsOf(level, figures, bank, rule);
            if (gaps.Count > 0)
                break;
            reached = level;
        }

        return new TeamLevel(team.Slice, team.Name, reached, reached == TeamLevel.Top ? [] : gaps, team.HasFigures);
    }

    /// <summary>
    /// The organisation's level, which steers the rotation: the highest level that more than half of the teams with figures
    /// have reached; 0 when no team has figures.
    /// </summary>
    public static int OfOrganisation(IEnumerable<TeamLevel> teams)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var counted = teams.Where(t => t.HasFigures).Select(t => t.Reached).ToList();
        var level = 0;
        for (var candidate = 1; candidate <= TeamLevel.Top; candidate++)
        {
            if (counted.Count(r => r >= candidate) * 2 > counted.Count)
                level = candidate;
        }

        return level;
    }

    /// <summary>The measure a question's answers feed (as <see cref="AnswerScore"/> scores them), or null for Advocacy and Voice.</summary>
    public static string? MeasureOf(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Kind switch
        {
            QuestionKind.Quiz => TrendMeasure.Knowledge,
            QuestionKind.Frequency => TrendMeasure.Behaviour,
            QuestionKind.Agreement => TrendMeasure.Attitude,
            _ => null,
        };
    }

    private static List<LevelGap> GapsOf(int level, Dictionary<(string Measure, string QuestionId), ItemFigure> figures, IReadOnlyList<Question> bank, MasteryRule rule)
    {
        var items = bank.Where(q => q.Active && q.Level == level && MeasureOf(q) is not null).ToList();
        if (items.Count == 0)
            return [new LevelGap(LevelGapKind.NoItems, TrendMeasure.Knowledge)];
        var gaps = new List<LevelGap>();
        foreach (var item in items.Where(q => MeasureOf(q) == TrendMeasure.Knowledge).OrderBy(q => q.Id, StringComparer.Ordinal))
        {
            if (!figures.TryGetValue((TrendMeasure.Knowledge, item.Id), out var figure))
                gaps.Add(new LevelGap(LevelGapKind.NotEnoughAnswers, TrendMeasure.Knowledge, item.Id, item.Text));
            else if (Below(figure.Favourable!.Value, figure.Answers!.Value, rule.Percent) is { } short_)
                gaps.Add(new LevelGap(LevelGapKind.BelowMastery, TrendMeasure.Knowledge, item.Id, item.Text, short_.Percent, short_.Points));
        }

        foreach (var measure in (string[])[TrendMeasure.Behaviour, TrendMeasure.Attitude])
        {
            var ofMeasure = items.Where(q => MeasureOf(q) == measure).ToList();
            if (ofMeasure.Count == 0)
                continue;
            // Pooled: the level's behaviour (or attitude) as a whole must be favourable, not each statement alone.
            var shown = ofMeasure.Select(q => figures.GetValueOrDefault((measure, q.Id))).OfType<ItemFigure>().ToList();
            if (shown.Count == 0)
                gaps.Add(new LevelGap(LevelGapKind.NotEnoughAnswers, measure));
            else if (Below(shown.Sum(f => f.Favourable!.Value), shown.Sum(f => f.Answers!.Value), rule.FavourablePercent) is { } short_)
                gaps.Add(new LevelGap(LevelGapKind.BelowFavourable, measure, Percent: short_.Percent, PointsShort: short_.Points));
        }

        return gaps;
    }

    /// <summary>Null when <paramref name="favourable"/> of <paramref name="answers"/> meets <paramref name="percent"/>; else the floored percentage and the points short (at least 1).</summary>
    private static (int Percent, int Points)? Below(long favourable, long answers, int percent)
    {
        if (answers > 0 && favourable * 100 >= percent * answers)
            return null;
        var floored = answers == 0 ? 0 : (int)(favourable * 100 / answers);
        return (floored, Math.Max(1, percent - floored));
    }
}
