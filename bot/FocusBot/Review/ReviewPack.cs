using FocusBot.Domain.Actions;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Recognitions;
using FocusBot.Domain.Trends;
using FocusBot.Kpis;

namespace FocusBot.Review;

/// <summary>
/// Everything an ISO 9001 management review of customer focus needs for one range, gathered once so the page and the
/// CSV say the same. Figures come from the privacy gate only; records (insights, recognitions, events, actions) are
/// the ones FocusBot posted or was given, so nothing here is more than staff or HR could already see.
/// </summary>
public sealed record ReviewPack
{
    public required ReviewRange Range { get; init; }

    public required DateTimeOffset MadeAt { get; init; }

    /// <summary>The organisation's figures over the range, with the teams of its last period, levels, topics and themes.</summary>
    public required TrendReport Figures { get; init; }

    /// <summary>Insights that went out in the range, oldest first.</summary>
    public required IReadOnlyList<Insight> Insights { get; init; }

    /// <summary>Executive recognitions posted in the range, oldest first.</summary>
    public required IReadOnlyList<Recognition> ExecutiveRecognitions { get; init; }

    /// <summary>How many recognitions colleagues gave each other in the range.</summary>
    public required int ColleagueRecognitions { get; init; }

    /// <summary>Each team's programme level at the range's end (the mastery rule's sealed weeks ending by its last day).</summary>
    public required ProgrammeLevelsReport Levels { get; init; }

    /// <summary>Customer KPIs with a value in the range, and the organisation's figures of the range by each period kind they were imported by.</summary>
    public required IReadOnlyList<KpiSeries> Kpis { get; init; }

    public required IReadOnlyDictionary<PeriodKind, TrendReport> KpiFigures { get; init; }

    public required IReadOnlyList<ProgrammeEvent> Events { get; init; }

    /// <summary>Actions recorded by the range's end that were open during it or changed in it, oldest first.</summary>
    public required IReadOnlyList<ProgrammeAction> Actions { get; init; }

    /// <summary>Team id to name, for events and recognitions.</summary>
    public required IReadOnlyDictionary<string, string> TeamNames { get; init; }
}
