using FocusBot.Domain.Trends;

namespace FocusBot.Domain.Programme;

/// <summary>
/// One group (the organisation, the teams involved, or the other teams) over the weeks before and the weeks after an
/// event, pooled from shown weekly figures only. Null figures: no shown week on that side.
/// </summary>
public sealed record WindowChange
{
    /// <summary>Weeks on each side with a shown figure in the pool.</summary>
    public required int ShownWeeksBefore { get; init; }

    public required int ShownWeeksAfter { get; init; }

    /// <summary>The pooled share (%) before and after.</summary>
    public double? Before { get; init; }

    public double? After { get; init; }

    /// <summary>The same significance rules as the trends card (<see cref="ChangeClassifier"/>); null when a side has no shown week.</summary>
    public ChangeAssessment? Change { get; init; }

    /// <summary>How many teams make up the group (0 for the organisation).</summary>
    public int Teams { get; init; }
}

/// <summary>Before and after for one measure: the group the event was for, and the other teams when they are comparable.</summary>
public sealed record MeasureBeforeAfter(string Measure, WindowChange Involved, WindowChange? Others)
{
    /// <summary>Both moved the same way clearly: the change may not be the event's.</summary>
    public bool OthersMovedAlike => Involved.Change?.Label is ChangeLabel.Rising or ChangeLabel.Falling && Others?.Change?.Label == Involved.Change.Label;
}

/// <summary>What the before-and-after view shows for one event; made by <see cref="BeforeAfter.Compare"/> from published figures.</summary>
public sealed record BeforeAfterReport
{
    public required ProgrammeEvent Event { get; init; }

    public required TrendPeriod EventWeek { get; init; }

    public required int WindowWeeks { get; init; }

    /// <summary>The weeks compared before the event's week, oldest first.</summary>
    public required IReadOnlyList<TrendPeriod> WeeksBefore { get; init; }

    /// <summary>The weeks after it whose results are final so far (up to <see cref="WindowWeeks"/>), oldest first.</summary>
    public required IReadOnlyList<TrendPeriod> WeeksAfter { get; init; }

    /// <summary>The teams involved that have figures in the report, by name; empty for an organisation-wide event.</summary>
    public IReadOnlyList<string> InvolvedTeamNames { get; init; } = [];

    public required IReadOnlyList<MeasureBeforeAfter> Measures { get; init; }

    public int MinimumGroupSize { get; init; }
}
