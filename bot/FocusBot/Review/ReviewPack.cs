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

    /// <summary>
    /// Each insight author's standing today, by Entra object id: "Executive" (top management), "HR", or empty for one who
    /// holds neither any more. Insights keep no role, and a review must tell top management's own from HR's.
    /// </summary>
    public required IReadOnlyDictionary<string, string> InsightAuthorRoles { get; init; }

    /// <summary>Who shared an insight, with their role today: "Ruth Okafor (Executive)".</summary>
    public string SharedBy(Insight insight)
    {
        ArgumentNullException.ThrowIfNull(insight);
        return InsightAuthorRoles.GetValueOrDefault(insight.AuthorAadObjectId) is { Length: > 0 } role ? $"{insight.AuthorName} ({role})" : insight.AuthorName;
    }

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
