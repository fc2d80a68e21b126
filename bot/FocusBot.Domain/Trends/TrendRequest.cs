namespace FocusBot.Domain.Trends;

/// <summary>What a report route asks the privacy gate for.</summary>
public sealed record TrendRequest
{
    public required string TenantId { get; init; }

    /// <summary><see cref="TrendSlices.Org"/> or a team slice.</summary>
    public string Slice { get; init; } = TrendSlices.Org;

    public PeriodKind Kind { get; init; } = PeriodKind.Week;

    /// <summary>How many periods, ending with the latest final one.</summary>
    public int Count { get; init; } = TrendSpans.DefaultWeeks;

    /// <summary>For an organisation report: how many of the latest periods to read for each team (0: no team table).</summary>
    public int TeamPeriods { get; init; }

    /// <summary>Also the programme levels, topic tags and question table (the report page and export).</summary>
    public bool IncludeBreakdowns { get; init; }

    /// <summary>
    /// The latest period the report may end with (of <see cref="Kind"/>), for a report about one pulse's week (its
    /// results card) that must not move on to a week sealed since; null ends with the latest sealed period.
    /// </summary>
    public TrendPeriod? Through { get; init; }

    /// <summary>
    /// The earliest period the report may show (of <see cref="Kind"/>), for a report of a fixed range (the review pack):
    /// while the range's last periods are still open, counting back from the latest final one must not reach before it.
    /// A range with no final period yet gets the empty report. Null: as many periods as <see cref="Count"/> asks.
    /// </summary>
    public TrendPeriod? From { get; init; }

    /// <summary>
    /// A Manager's view of the team in <see cref="Slice"/>: that team alone. The organisation's figures (even as a
    /// reference line), other teams and the organisation-wide breakdowns are left out; an organisation slice is refused.
    /// </summary>
    public bool TeamOnly { get; init; }

    public const int MaxCount = 104;
}
