using System.Globalization;
using FocusBot.Cards;
using FocusBot.Domain.Programme;

namespace FocusBot.Programme;

/// <summary>
/// The `programme` card: each team's level and, for the next, what stands in its way, with the mastery rule in words.
/// Every percentage on it is of an item figure the privacy gate lets out; an item it withholds reads "not enough answers yet".
/// </summary>
public static class ProgrammeLevelsCard
{
    public const string Title = "Programme levels";

    /// <summary>Beyond this many teams the card would outgrow Teams' size limit; the report page lists them all.</summary>
    public const int MaxTeams = 25;

    /// <summary>Gaps listed per team; the rest are counted.</summary>
    public const int MaxGaps = 6;

    public static AdaptiveCard Create(ProgrammeLevelsReport report, bool organisation)
    {
        ArgumentNullException.ThrowIfNull(report);
        List<CardElement> body =
        [
            new TextBlock(Title) { Size = "Large", Weight = "Bolder" },
            new TextBlock(LevelGapWords.Window(report)) { IsSubtle = true, Spacing = "Small" },
        ];
        if (organisation && report.Teams.Count > 0)
            body.Add(new TextBlock(LevelGapWords.Rotation(report)) { Spacing = "Small" });
        if (report.Weeks.Count > 0 && report.Teams.Count == 0)
            body.Add(new TextBlock("No team has answers in these weeks yet.") { Spacing = "Small" });

        foreach (var team in report.Teams.Take(MaxTeams))
            body.Add(new Container(TeamElements(team)) { Separator = true, Spacing = "Medium" });
        if (report.Teams.Count > MaxTeams)
        {
            body.Add(new TextBlock(string.Create(CultureInfo.InvariantCulture, $"And {report.Teams.Count - MaxTeams} more teams: the report page (trends) lists them all."))
            { IsSubtle = true });
        }

        body.Add(new TextBlock(report.Rule.InWords() + " Items with too few people answering are not shown and cannot count as mastered.")
        { Size = "Small", IsSubtle = true, Separator = true });
        return new AdaptiveCard { FallbackText = Title, Body = body };
    }

    private static List<CardElement> TeamElements(TeamLevel team)
    {
        List<CardElement> items =
        [
            new TextBlock($"{CardText.Markdown(team.Name, 80)}: {LevelGapWords.Reached(team)}") { Weight = "Bolder" },
        ];
        if (team.Next is not { } next)
            return items;
        items.Add(new TextBlock(LevelGapWords.Towards(next) + ":") { Spacing = "Small" });
        foreach (var gap in team.Gaps.Take(MaxGaps))
            items.Add(new TextBlock("• " + CardText.Markdown(LevelGapWords.Describe(gap), 300)) { Spacing = "None" });
        if (team.Gaps.Count > MaxGaps)
            items.Add(new TextBlock(string.Create(CultureInfo.InvariantCulture, $"• and {team.Gaps.Count - MaxGaps} more")) { Spacing = "None", IsSubtle = true });
        return items;
    }
}
