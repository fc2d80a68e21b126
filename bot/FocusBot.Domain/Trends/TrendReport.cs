namespace FocusBot.Domain.Trends;

/// <summary>Why a figure shows no number.</summary>
public enum FigureStatus
{
    Shown,

    /// <summary>Too few respondents, or hidden so a smaller group cannot be recovered: one message for both.</summary>
    Hidden,

    /// <summary>No pulse in this period, or its results are not final yet (the pulse is open or not yet checked).</summary>
    NotAvailable,
}

/// <summary>
/// One figure as the privacy gate lets it out. Only the gate creates these: a suppressed figure carries no value, no
/// count and no change, so no route (card, page, CSV, digest) can show what it must not.
/// </summary>
public sealed record PublishedFigure
{
    internal PublishedFigure(TrendPeriod period, string measure, FigureStatus status)
    {
        Period = period;
        Measure = measure;
        Status = status;
    }

    public TrendPeriod Period { get; }

    public string Measure { get; }

    public FigureStatus Status { get; }

    /// <summary>The headline: % correct, % at least 2-3 times, % favourable, eNPS, or % answered.</summary>
    public double? Value { get; internal init; }

    /// <summary>Mean of the scale: Behaviour 0 (Never) to 3 (4+ times), Attitude 1-5, Advocacy 0-10.</summary>
    public double? Mean { get; internal init; }

    /// <summary>Attitude: % unfavourable (1-2). Advocacy: % promoters.</summary>
    public double? Secondary { get; internal init; }

    /// <summary>Respondents behind the figure (people per pulse; for participation, people sent the pulse).</summary>
    public long? N { get; internal init; }

    /// <summary>Participation: people who answered.</summary>
    public long? Answered { get; internal init; }

    /// <summary>Against <see cref="Baseline"/>; null when this figure or the baseline is not shown, or the measure is not tested.</summary>
    public ChangeAssessment? Change { get; internal init; }

    /// <summary>
    /// The earlier period this figure is compared with: the latest one with results (see <see cref="TrendComparison"/>),
    /// shown or hidden. Null for a figure that is not shown, and when no earlier period within reach has results.
    /// </summary>
    public TrendPeriod? Baseline { get; internal init; }

    /// <summary>Why a shown figure has no <see cref="Change"/>; <see cref="NoChangeReason.None"/> otherwise.</summary>
    public NoChangeReason NoChange { get; internal init; }

    public bool IsShown => Status == FigureStatus.Shown;
}

/// <summary>One measure of one slice over the report's periods, oldest first.</summary>
public sealed record MeasureSeries(string Measure, IReadOnlyList<PublishedFigure> Points)
{
    public PublishedFigure Latest => Points[^1];
}

/// <summary>A slice (the organisation or a team) with its series.</summary>
public sealed record SliceSeries(string Slice, string Name, IReadOnlyList<MeasureSeries> Measures)
{
    public MeasureSeries this[string measure] => Measures.First(m => m.Measure == measure);
}

/// <summary>One question over the report's periods (organisation-wide).</summary>
public sealed record QuestionSeries(string QuestionId, string Text, string Index, int Level, IReadOnlyList<string> Tags, IReadOnlyList<PublishedFigure> Points);

/// <summary>
/// A frequent short phrase of the Voice answers (two or three words, as most people wrote it), and how many comments
/// used it: each comment once, however often it repeats the phrase. A person writes one comment per pulse, so this
/// counts commenters per pulse; the aggregates keep no link between one person's comments in different weeks, so
/// someone who used the phrase in several weeks counts once in each.
/// </summary>
public sealed record VoiceTheme(string Term, long Mentions);

/// <summary>
/// What HR may see for a request: the focus slice, the organisation for comparison, every team (for the organisation
/// view), the programme levels and topic tags, the question table and Voice themes. Built only by
/// <see cref="PrivacyGate"/>.
/// </summary>
public sealed record TrendReport
{
    internal TrendReport()
    {
    }

    public required string TenantId { get; init; }

    public required PeriodKind Kind { get; init; }

    /// <summary>Oldest first; the last is the latest period whose results are final.</summary>
    public required IReadOnlyList<TrendPeriod> Periods { get; init; }

    /// <summary>The slice asked for ("org" or a team).</summary>
    public required SliceSeries Focus { get; init; }

    /// <summary>
    /// The whole organisation (the same as <see cref="Focus"/> for an organisation report). In a <see cref="TeamOnly"/>
    /// report it holds no figure: every point is not available.
    /// </summary>
    public required SliceSeries Organisation { get; init; }

    /// <summary>A Manager's view of one team (<see cref="TrendRequest.TeamOnly"/>): routes show the team alone.</summary>
    public bool TeamOnly { get; init; }

    /// <summary>Each team (organisation report) or just the focus team.</summary>
    public IReadOnlyList<SliceSeries> Teams { get; init; } = [];

    public IReadOnlyList<SliceSeries> Levels { get; init; } = [];

    public IReadOnlyList<SliceSeries> Tags { get; init; } = [];

    public IReadOnlyList<QuestionSeries> Questions { get; init; } = [];

    /// <summary>
    /// The organisation's knowledge on the fair scale; only in an organisation report, null when no knowledge item has
    /// been answered in a sealed period.
    /// </summary>
    public FairKnowledge? FairKnowledge { get; init; }

    /// <summary>Top Voice themes of the focus slice; empty when too few people commented.</summary>
    public IReadOnlyList<VoiceTheme> Themes { get; init; } = [];

    /// <summary>People behind the themes (only set when themes are shown).</summary>
    public long? ThemeCommenters { get; init; }

    public int MinimumGroupSize { get; init; }

    public int MinimumCommentGroupSize { get; init; }

    /// <summary>True when no period is final yet (no pulse has closed and been checked).</summary>
    public bool IsEmpty => Periods.Count == 0;
}

/// <summary>
/// The organisation's knowledge in one period on the fair scale (<see cref="KnowledgeScale"/>), beside the raw % correct
/// it adjusts. Built only by <see cref="PrivacyGate"/>, and only for a period whose raw figure is shown.
/// </summary>
public sealed record AdjustedKnowledge
{
    internal AdjustedKnowledge(TrendPeriod period, double percent, double rawPercent, long n, int itemsAsked)
    {
        Period = period;
        Percent = percent;
        RawPercent = rawPercent;
        N = n;
        ItemsAsked = itemsAsked;
    }

    public TrendPeriod Period { get; }

    /// <summary>The adjusted index: % correct expected across every item of the bank.</summary>
    public double Percent { get; }

    /// <summary>The raw % correct of the items asked in the period (the shown knowledge figure).</summary>
    public double RawPercent { get; }

    /// <summary>People behind the figure.</summary>
    public long N { get; }

    /// <summary>How many different knowledge items the period asked.</summary>
    public int ItemsAsked { get; }

    /// <summary>Against the adjusted index of the raw figure's baseline period, by the same rule as the raw figure.</summary>
    public ChangeAssessment? Change { get; internal init; }

    /// <summary>The raw figure's baseline period.</summary>
    public TrendPeriod? Baseline { get; internal init; }

    /// <summary>Why there is no <see cref="Change"/>: the raw figure's reason.</summary>
    public NoChangeReason NoChange { get; internal init; }
}

/// <summary>The fair-scale knowledge series of the organisation, one entry per report period (null where the raw figure is not shown).</summary>
public sealed record FairKnowledge(IReadOnlyList<AdjustedKnowledge?> Points, int BankItems, long AnswersUsed)
{
    public AdjustedKnowledge? Latest => Points.Count == 0 ? null : Points[^1];
}
