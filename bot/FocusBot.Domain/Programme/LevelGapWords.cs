using System.Globalization;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;

namespace FocusBot.Domain.Programme;

/// <summary>What stands between a team and its next level, in the words the card and the report page both use.</summary>
public static class LevelGapWords
{
    public const string NotEnoughAnswers = "not enough answers yet";

    public const string NoResultsYet = "No results yet: levels appear once a pulse has closed and its results have been checked for privacy.";

    /// <summary>"The 8 weeks from the week of 5 Jan 2026 to the week of 23 Feb 2026."</summary>
    public static string Window(ProgrammeLevelsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Weeks.Count == 0
            ? NoResultsYet
            : string.Create(CultureInfo.InvariantCulture, $"The {report.Weeks.Count} weeks from the {report.Weeks[0].Label} to the {report.Weeks[^1].Label}.");
    }

    /// <summary>What the rotation does with the organisation's level.</summary>
    public static string Rotation(ProgrammeLevelsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.OrganisationLevel switch
        {
            0 => "Most teams have not reached level 1 yet: pulses mix items of every level.",
            TeamLevel.Top => "Most teams have reached the top level: pulses mix items of every level.",
            var level => $"Most teams have reached {ProgrammeLevels.Label(level)}: pulses now ask more items of {ProgrammeLevels.Label(level + 1)}.",
        };
    }

    /// <summary>"2 Deeper understanding" or "3 Partnership, the top level".</summary>
    public static string Reached(TeamLevel team)
    {
        ArgumentNullException.ThrowIfNull(team);
        return team.Reached switch
        {
            0 => "No level yet",
            TeamLevel.Top => $"Level {ProgrammeLevels.Label(team.Reached)} (the top level)",
            _ => $"Level {ProgrammeLevels.Label(team.Reached)}",
        };
    }

    /// <summary>The heading over a team's gaps: "Towards 2 Deeper understanding".</summary>
    public static string Towards(int level) => $"Towards {ProgrammeLevels.Label(level)}";

    public static string Describe(LevelGap gap)
    {
        ArgumentNullException.ThrowIfNull(gap);
        var subject = gap.QuestionId is null ? $"{TrendMeasure.Name(gap.Measure)} items" : $"\"{gap.Text ?? gap.QuestionId}\"";
        return gap.Kind switch
        {
            LevelGapKind.BelowMastery => string.Create(CultureInfo.InvariantCulture, $"{subject}: {gap.Percent}% correct, {gap.PointsShort} points short"),
            LevelGapKind.BelowFavourable => string.Create(CultureInfo.InvariantCulture, $"{subject}: {gap.Percent}% favourable, {gap.PointsShort} points short"),
            LevelGapKind.NoItems => "The question bank has no active item of this level.",
            _ => $"{subject}: {NotEnoughAnswers}",
        };
    }
}
