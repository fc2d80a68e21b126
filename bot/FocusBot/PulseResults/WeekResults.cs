using FocusBot.Domain.Actions;
using FocusBot.Domain.Trends;

namespace FocusBot.PulseResults;

/// <summary>
/// What one person's results card shows, every figure as the privacy gate published it: the organisation's week, the
/// person's teams (each shown or hidden by the gate), the organisation's Voice themes, and the latest actions.
/// </summary>
public sealed record WeekResults
{
    public required TrendPeriod Week { get; init; }

    public required SliceSeries Organisation { get; init; }

    /// <summary>The person's teams, by name, at most <see cref="ResultsReader.MaxTeams"/>.</summary>
    public IReadOnlyList<SliceSeries> Teams { get; init; } = [];

    /// <summary>How many more teams the person is in than the card has room for.</summary>
    public int OtherTeams { get; init; }

    /// <summary>The week's Voice themes of the organisation; empty when too few people commented.</summary>
    public IReadOnlyList<VoiceTheme> Themes { get; init; } = [];

    public IReadOnlyList<ProgrammeAction> Actions { get; init; } = [];

    public int MinimumGroupSize { get; init; }

    public int MinimumCommentGroupSize { get; init; }
}
