using FocusBot.Domain.Actions;
using FocusBot.Domain.Trends;
using FocusBot.Telemetry;

namespace FocusBot.PulseResults;

/// <summary>
/// Reads a pulse week's results for one person from the privacy gate (the organisation with its themes, and each of the
/// person's teams: the same figures, hidden the same way, as HR's trends card) and the actions to show beside them.
/// </summary>
public sealed class ResultsReader(PrivacyGate gate, IActionStore actions, TimeProvider timeProvider)
{
    /// <summary>Teams per card: a person in more gets the first by name, so the card stays short on a phone.</summary>
    public const int MaxTeams = 3;

    public const int MaxThemes = 5;

    public const int MaxActions = 3;

    /// <summary>How long a finished action stays news on the card.</summary>
    public static readonly TimeSpan DoneActionsFor = TimeSpan.FromDays(30);

    /// <summary>How many of the latest actions are looked through for open and recently finished ones.</summary>
    private const int ActionWindow = 50;

    /// <returns>Null when the week's figures are not published (not sealed).</returns>
    public async Task<WeekResults?> ReadAsync(string tenantId, TrendPeriod week, IReadOnlyList<string> teamIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(teamIds);
        var organisation = await WeekAsync(tenantId, TrendSlices.Org, week, cancellationToken);
        if (organisation is null)
            return null;
        var teams = new List<SliceSeries>();
        foreach (var teamId in teamIds.Distinct(StringComparer.Ordinal))
        {
            if (await WeekAsync(tenantId, TrendSlices.Team(teamId), week, cancellationToken) is { } team)
                teams.Add(team.Focus);
        }

        return new WeekResults
        {
            Week = week,
            Organisation = organisation.Focus,
            Teams = [.. teams.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).Take(MaxTeams)],
            OtherTeams = Math.Max(0, teams.Count - MaxTeams),
            Themes = [.. organisation.Themes.Take(MaxThemes)],
            Actions = await ActionsAsync(tenantId, cancellationToken),
            MinimumGroupSize = organisation.MinimumGroupSize,
            MinimumCommentGroupSize = organisation.MinimumCommentGroupSize,
        };
    }

    /// <summary>The slice's report ending with <paramref name="week"/>, compared as the trends card compares; null unless that week is sealed.</summary>
    private async Task<TrendReport?> WeekAsync(string tenantId, string slice, TrendPeriod week, CancellationToken cancellationToken)
    {
        var report = await gate.PublishTracedAsync(new TrendRequest { TenantId = tenantId, Slice = slice, Kind = PeriodKind.Week, Count = 1, Through = week },
            FocusBotTelemetry.TrendsRoutes.Results, cancellationToken);
        return report.Periods is [.., var last] && last == week ? report : null;
    }

    /// <summary>What is being done: open actions, and those finished lately, most recently changed first.</summary>
    private async Task<IReadOnlyList<ProgrammeAction>> ActionsAsync(string tenantId, CancellationToken cancellationToken)
    {
        var since = timeProvider.GetUtcNow() - DoneActionsFor;
        var latest = await actions.ListLatestAsync(tenantId, 0, ActionWindow, cancellationToken);
        return [.. latest.Where(a => a.Status != ActionStatus.Done || a.UpdatedAt >= since).OrderByDescending(a => a.UpdatedAt).Take(MaxActions)];
    }
}
