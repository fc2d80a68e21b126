using System.Globalization;
using FocusBot.Cards;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Trends;

namespace FocusBot.Programme;

/// <summary>
/// The before-and-after view of one event: for each index, the group the event was for and (for a team event) the
/// other teams, with the trends card's rule for a change. Every figure on it is pooled from figures the privacy gate shows.
/// </summary>
public static class BeforeAfterCard
{
    public const string Title = "Before and after";

    public const string NotShown = "no figure shown for these weeks, so not compared";

    public static AdaptiveCard Create(BeforeAfterReport report, IReadOnlyDictionary<string, string> teams)
    {
        ArgumentNullException.ThrowIfNull(report);
        var programmeEvent = report.Event;
        List<CardElement> body =
        [
            new TextBlock($"{Title}: {CardText.Markdown(programmeEvent.Title, ProgrammeEvent.MaxTitle)}") { Size = "Large", Weight = "Bolder" },
            .. EventListCard.Elements(programmeEvent, teams).Skip(1),
            new TextBlock(WindowText(report)) { IsSubtle = true, Spacing = "Small" },
        ];

        var involvedName = programmeEvent.IsOrganisationWide ? "Organisation" : "Teams involved";
        foreach (var measure in report.Measures)
        {
            List<CardElement> items =
            [
                new TextBlock(TrendMeasure.Name(measure.Measure)) { Weight = "Bolder" },
                new TextBlock($"{involvedName}: {ChangeText(measure.Involved)}") { Spacing = "Small" },
            ];
            if (!programmeEvent.IsOrganisationWide)
            {
                items.Add(new TextBlock(measure.Others is { } others
                    ? string.Create(CultureInfo.InvariantCulture, $"The other teams ({others.Teams}): {ChangeText(others)}")
                    : $"The other teams: no comparison, fewer than {BeforeAfter.MinimumComparableTeams} other teams have figures shown on both sides.")
                { Spacing = "Small", IsSubtle = measure.Others is null });
            }

            if (measure.OthersMovedAlike)
                items.Add(new TextBlock("The other teams moved the same way, so the change may not be the event's.") { Spacing = "Small", Color = "Warning" });
            body.Add(new Container(items) { Separator = true, Spacing = "Medium" });
        }

        body.Add(new TextBlock(HowText(report.MinimumGroupSize)) { Size = "Small", IsSubtle = true, Separator = true });

        return new AdaptiveCard
        {
            FallbackText = $"{Title}: {CardText.Plain(programmeEvent.Title, 80)}",
            Body = body,
            Actions = [ExecuteAction.WithSubmitFallback("All events", EventsCommand.PageVerb, new System.Text.Json.Nodes.JsonObject { ["skip"] = 0 })],
        };
    }

    /// <summary>How the comparison is made, and what it cannot say.</summary>
    public static string HowText(int minimumGroupSize)
    {
        var points = ChangeClassifier.MinimumDifferencePoints.ToString("0", CultureInfo.InvariantCulture);
        var people = minimumGroupSize.ToString(CultureInfo.InvariantCulture);
        return "How it is compared: the weeks' shown figures are pooled on each side, and each person counted once (the largest week's group), so " +
            $"more weeks add no false certainty. ▲ up / ▼ down: a clear change, at least {points} pts and significant at 90% (Fisher's exact test for " +
            $"small groups, otherwise the two-proportion z-test), as on the trends card. Hidden weeks (fewer than {people} people, or hidden so a smaller " +
            "group cannot be worked out) are left out. A change around an event is not proof the event caused it.";
    }

    public static string WindowText(BeforeAfterReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var before = $"the {report.WindowWeeks} weeks before ({Span(report.WeeksBefore)})";
        var after = report.WeeksAfter.Count switch
        {
            0 => "no week after it has final results yet",
            var n when n < report.WindowWeeks => string.Create(CultureInfo.InvariantCulture, $"the {n} of {report.WindowWeeks} weeks after with final results so far ({Span(report.WeeksAfter)})"),
            _ => $"the {report.WindowWeeks} weeks after ({Span(report.WeeksAfter)})",
        };
        return $"Compares {before} with {after}; the {report.EventWeek.Label} itself is left out.";
    }

    /// <summary>"30% → 80% (19 and 19 people): ▲ up 50 pts, a clear change", or why there is no comparison.</summary>
    public static string ChangeText(WindowChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Change is not { } assessment || change.Before is not { } before || change.After is not { } after)
            return NotShown;
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"{before:0}% → {after:0}% ({assessment.PeopleBefore} and {assessment.PeopleNow} people; {change.ShownWeeksBefore} and {change.ShownWeeksAfter} weeks shown)");
        var size = string.Create(CultureInfo.InvariantCulture, $"{Math.Abs(assessment.DifferencePoints):0} pts");
        var signed = string.Create(CultureInfo.InvariantCulture, $"{assessment.DifferencePoints:+0;-0;0} pts");
        return assessment.Label switch
        {
            ChangeLabel.Rising => $"{figures}: ▲ up {size}, a clear change",
            ChangeLabel.Falling => $"{figures}: ▼ down {size}, a clear change",
            ChangeLabel.NotSignificant => $"{figures}: ● {signed}, not a clear change with this many people",
            _ => string.Create(CultureInfo.InvariantCulture, $"{figures}: ● {signed}, not a clear change (under {ChangeClassifier.MinimumDifferencePoints:0} pts)"),
        };
    }

    private static string Span(IReadOnlyList<TrendPeriod> weeks) =>
        weeks.Count == 1 ? weeks[0].Label : $"{weeks[0].Label} to {weeks[^1].Label}";
}
