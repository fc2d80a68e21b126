using FocusBot.Conversations;
using FocusBot.Domain.Actions;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Recognitions;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Roster;
using FocusBot.Domain.Trends;
using FocusBot.Kpis;
using FocusBot.Roles;

namespace FocusBot.Review;

/// <summary>Gathers a <see cref="ReviewPack"/>: the figures, and the records of the range read side by side.</summary>
public sealed class ReviewPackBuilder(
    PrivacyGate gate,
    IInsightStore insights,
    IRecognitionStore recognitions,
    IProgrammeEventStore events,
    IActionStore actions,
    TeamChannels channels,
    TeamLevelsReader levels,
    KpiOverviewReader kpis,
    RoleResolver roles,
    IRosterStore roster,
    TimeProvider timeProvider)
{
    /// <summary>More insights or actions than a range could sensibly hold; beyond it the pack would be a listing, not a review.</summary>
    public const int MaxRecords = 1000;

    public async Task<ReviewPack> BuildAsync(string tenantId, ReviewRange range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        var start = new DateTimeOffset(range.FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(range.LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        bool InRange(DateTimeOffset at) => at >= start && at < end;

        var figures = FiguresAsync(tenantId, range, cancellationToken);
        var insightList = insights.ListLatestAsync(tenantId, MaxRecords, cancellationToken);
        var eventList = events.ListBetweenAsync(tenantId, range.FirstDay, range.LastDay, cancellationToken);
        var actionList = actions.ListLatestAsync(tenantId, 0, MaxRecords, cancellationToken);
        var teamNames = channels.TeamNamesAsync(tenantId, cancellationToken);
        // A range still running is judged by today's bank, as the programme card is; one that ended, by its own.
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var teamLevels = levels.ReadAsync(tenantId, null, cancellationToken, range.LastDay < today ? range.LastDay : null);
        var kpiRead = KpisAsync(tenantId, range, cancellationToken);
        var executive = new List<Recognition>();
        var colleagues = 0;
        await foreach (var recognition in recognitions.ListSinceAsync(tenantId, start, cancellationToken))
        {
            if (!InRange(recognition.CreatedAt))
                continue;
            if (recognition.Kind == RecognitionKind.Executive)
                executive.Add(recognition);
            else
                colleagues++;
        }

        await Task.WhenAll(figures, insightList, eventList, actionList, teamNames, teamLevels, kpiRead);
        var (kpiSeries, kpiFigures) = kpiRead.Result;
        var sent = insightList.Result.Where(i => i.Status == InsightStatus.Sent && InRange(i.SendAt)).OrderBy(i => i.SendAt).ToList();
        return new ReviewPack
        {
            Range = range,
            MadeAt = timeProvider.GetUtcNow(),
            Figures = figures.Result,
            Insights = sent,
            InsightAuthorRoles = await RolesOfAsync(tenantId, sent.Select(i => i.AuthorAadObjectId), cancellationToken),
            ExecutiveRecognitions = [.. executive.OrderBy(r => r.CreatedAt)],
            ColleagueRecognitions = colleagues,
            Levels = teamLevels.Result,
            Kpis = kpiSeries,
            KpiFigures = kpiFigures,
            Events = eventList.Result,
            // An action belongs to the review when it existed by the range's end and was still open in it or changed in it.
            Actions = [.. actionList.Result.Where(a => a.CreatedAt < end && (a.Status != ActionStatus.Done || a.UpdatedAt >= start)).OrderBy(a => a.CreatedAt)],
            TeamNames = teamNames.Result,
        };
    }

    private async Task<IReadOnlyDictionary<string, string>> RolesOfAsync(string tenantId, IEnumerable<string> authors, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var author in authors.Distinct(StringComparer.Ordinal))
        {
            // The roster gives the Teams id, through which a role granted by team membership (Roles:RoleTeams) is known.
            var person = await roster.FindByAadObjectIdAsync(tenantId, author, cancellationToken);
            var held = await roles.GetRolesAsync(tenantId, author, person?.UserId, cancellationToken);
            result[author] = held.Contains(Role.Executive) ? "Executive" : held.Contains(Role.HR) ? "HR" : string.Empty;
        }

        return result;
    }

    /// <summary>The organisation's figures of the range's own final periods, with each team's latest.</summary>
    private Task<TrendReport> FiguresAsync(string tenantId, ReviewRange range, CancellationToken cancellationToken) =>
        gate.PublishAsync(new TrendRequest
        {
            TenantId = tenantId,
            Slice = TrendSlices.Org,
            Kind = range.Kind,
            Count = range.Count,
            From = range.First,
            Through = range.Last,
            TeamPeriods = 1,
            IncludeBreakdowns = true,
        }, cancellationToken);

    /// <summary>
    /// The KPIs with values in the range and, for each period kind they were imported by (a quarter's CSAT, a month's
    /// complaints), the organisation's figures of the range by that kind, with every team, so the association across
    /// teams and periods is judged as on the report page.
    /// </summary>
    private async Task<(IReadOnlyList<KpiSeries>, IReadOnlyDictionary<PeriodKind, TrendReport>)> KpisAsync(string tenantId, ReviewRange range, CancellationToken cancellationToken)
    {
        bool InRange(TrendPeriod period) => period.FirstDay <= range.LastDay && period.LastDay >= range.FirstDay;
        var series = (await kpis.SeriesAsync(tenantId, cancellationToken))
            .Select(kpi => kpi with { Values = [.. kpi.Values.Where(v => InRange(v.Period))] })
            .Where(kpi => kpi.Values.Count > 0)
            .ToList();
        var kinds = series.SelectMany(k => k.Values).GroupBy(v => v.Period.Kind).OrderBy(g => g.Key).ToList();
        var reports = await Task.WhenAll(kinds.Select(kind =>
        {
            var first = TrendPeriod.Holding(kind.Key, range.FirstDay);
            var last = TrendPeriod.Holding(kind.Key, range.LastDay);
            var count = 1;
            for (var period = first; period < last && count < TrendRequest.MaxCount; period = period.Next())
                count++;
            // Every team's figures only where a KPI of this kind has team values to set beside them.
            return gate.PublishAsync(new TrendRequest
            {
                TenantId = tenantId,
                Slice = TrendSlices.Org,
                Kind = kind.Key,
                Count = count,
                From = first,
                Through = last,
                TeamPeriods = kind.Any(v => !v.IsOrganisation) ? count : 0,
            }, cancellationToken);
        }));
        return (series, kinds.Select((kind, i) => (kind.Key, reports[i])).ToDictionary(k => k.Key, k => k.Item2));
    }
}
