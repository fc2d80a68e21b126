using FocusBot.Domain.Trends;

namespace FocusBot.Domain.Programme;

/// <summary>
/// The before-and-after view of a programme event, as a pure function of the figures the privacy gate published: the
/// <c>N</c> weeks before the event's week against the <c>N</c> weeks after it (the event's own week is left out: part of
/// it is before and part after). Hidden figures stay out of every pool, so nothing here shows more than the weekly
/// figures already do; the change is labelled by <see cref="ChangeClassifier"/>, the rule of the trends card.
/// <para>
/// Pooling weeks: the same people answer every week, so adding weeks' respondents would count each person up to N times
/// and make small differences look significant. Like a month's figure (the largest number of people in any of its
/// weeks), a window's test counts its largest weekly group once, at the window's pooled share: conservative, never
/// more confident than one week's figures would be.
/// </para>
/// <para>
/// The other teams: when the event was for some teams, the teams not involved that have a shown figure on both sides
/// are pooled the same way, and only when there are at least <see cref="MinimumComparableTeams"/> of them, so the
/// comparison never rests on one team (which could also be read as a single group's figure over again).
/// </para>
/// </summary>
public static class BeforeAfter
{
    public const int DefaultWindowWeeks = 4;
    public const int MinWindowWeeks = 2;
    public const int MaxWindowWeeks = 12;
    public const int MinimumComparableTeams = 2;

    /// <summary>The measures compared: the three indices of the programme.</summary>
    public static IReadOnlyList<string> Measures => TrendMeasure.Indices;

    /// <summary>What the gate must be asked for: weekly figures of the organisation and every team, ending with the last week after.</summary>
    public static TrendRequest RequestFor(ProgrammeEvent programmeEvent, int windowWeeks)
    {
        ArgumentNullException.ThrowIfNull(programmeEvent);
        var week = TrendPeriod.WeekOf(programmeEvent.Date);
        var span = (2 * windowWeeks) + 1;
        return new TrendRequest
        {
            TenantId = programmeEvent.TenantId,
            Kind = PeriodKind.Week,
            Count = span,
            TeamPeriods = span,
            Through = Plus(week, windowWeeks),
        };
    }

    public static BeforeAfterReport Compare(ProgrammeEvent programmeEvent, TrendReport report, int windowWeeks)
    {
        ArgumentNullException.ThrowIfNull(programmeEvent);
        ArgumentNullException.ThrowIfNull(report);
        if (report.Kind != PeriodKind.Week)
            throw new ArgumentException("A before-and-after view compares weeks.", nameof(report));
        var eventWeek = TrendPeriod.WeekOf(programmeEvent.Date);
        var before = TrendPeriod.Range(eventWeek.Previous(), windowWeeks);
        var lastAfter = Plus(eventWeek, windowWeeks);
        var after = report.Periods.Where(p => p > eventWeek && p <= lastAfter).ToList();

        var involvedTeams = programmeEvent.IsOrganisationWide
            ? []
            : report.Teams.Where(t => programmeEvent.TeamIds.Contains(TrendSlices.TeamIdOf(t.Slice), StringComparer.Ordinal)).ToList();
        var otherTeams = programmeEvent.IsOrganisationWide
            ? []
            : report.Teams.Where(t => !programmeEvent.TeamIds.Contains(TrendSlices.TeamIdOf(t.Slice), StringComparer.Ordinal)).ToList();

        var measures = new List<MeasureBeforeAfter>();
        foreach (var measure in Measures)
        {
            var involved = programmeEvent.IsOrganisationWide
                ? Pool([report.Organisation], measure, before, after, report.MinimumGroupSize) with { Teams = 0 }
                : Pool(involvedTeams, measure, before, after, report.MinimumGroupSize);
            var comparable = otherTeams.Where(t => HasShown(t, measure, before) && HasShown(t, measure, after)).ToList();
            var others = comparable.Count >= MinimumComparableTeams ? Pool(comparable, measure, before, after, report.MinimumGroupSize) : null;
            measures.Add(new MeasureBeforeAfter(measure, involved, others));
        }

        return new BeforeAfterReport
        {
            Event = programmeEvent,
            EventWeek = eventWeek,
            WindowWeeks = windowWeeks,
            WeeksBefore = before,
            WeeksAfter = after,
            InvolvedTeamNames = [.. involvedTeams.Select(t => t.Name)],
            Measures = measures,
            MinimumGroupSize = report.MinimumGroupSize,
        };
    }

    private static TrendPeriod Plus(TrendPeriod week, int weeks) =>
        TrendPeriod.WeekOf(week.FirstDay.AddDays(7 * weeks));

    private static bool HasShown(SliceSeries series, string measure, IReadOnlyList<TrendPeriod> weeks) =>
        series[measure].Points.Any(p => p.IsShown && weeks.Contains(p.Period) && FigureMath.TestCounts(p) is not null);

    /// <summary>
    /// The group's pooled share and test counts on each side. A team that has no shown figure on one side is left out
    /// of both, so a change is never a change in who is counted.
    /// </summary>
    private static WindowChange Pool(IReadOnlyList<SliceSeries> group, string measure, IReadOnlyList<TrendPeriod> before, IReadOnlyList<TrendPeriod> after,
        int minimumGroupSize)
    {
        var members = group.Where(t => HasShown(t, measure, before) && HasShown(t, measure, after)).ToList();
        var (beforeShare, beforePeople, beforeWeeks) = Side(members, measure, before);
        var (afterShare, afterPeople, afterWeeks) = Side(members, measure, after);
        ChangeAssessment? change = null;
        if (beforeShare is { } b && afterShare is { } a)
        {
            change = ChangeClassifier.Classify(
                (long)Math.Round(a / 100 * afterPeople, MidpointRounding.AwayFromZero), afterPeople,
                (long)Math.Round(b / 100 * beforePeople, MidpointRounding.AwayFromZero), beforePeople,
                minimumGroupSize);
        }

        return new WindowChange
        {
            ShownWeeksBefore = beforeWeeks,
            ShownWeeksAfter = afterWeeks,
            Before = beforeShare,
            After = afterShare,
            Change = change,
            Teams = members.Count,
        };
    }

    private static (double? Share, long People, int Weeks) Side(IReadOnlyList<SliceSeries> members, string measure, IReadOnlyList<TrendPeriod> weeks)
    {
        long successes = 0, trials = 0, largestWeek = 0;
        var shownWeeks = 0;
        foreach (var week in weeks)
        {
            long weekTrials = 0;
            foreach (var member in members)
            {
                if (member[measure].Points.FirstOrDefault(p => p.Period == week) is { } figure && FigureMath.TestCounts(figure) is { } counts)
                {
                    successes += counts.Successes;
                    weekTrials += counts.Trials;
                }
            }

            if (weekTrials == 0)
                continue;
            shownWeeks++;
            trials += weekTrials;
            largestWeek = Math.Max(largestWeek, weekTrials);
        }

        return trials == 0 ? (null, 0, 0) : (100.0 * successes / trials, largestWeek, shownWeeks);
    }
}
