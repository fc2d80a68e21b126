using FocusBot.Conversations;
using FocusBot.Domain.Kpis;
using FocusBot.Domain.Trends;

namespace FocusBot.Kpis;

/// <summary>One KPI with its values, oldest period first.</summary>
public sealed record KpiSeries(KpiDefinition Definition, IReadOnlyList<KpiValue> Values);

/// <summary>
/// The tenant's KPIs beside the staff figures of the same periods: for each period kind the KPIs use, the privacy
/// gate's report (organisation and teams), and the association findings.
/// </summary>
public sealed record KpiOverview(
    IReadOnlyList<KpiSeries> Kpis,
    IReadOnlyDictionary<PeriodKind, TrendReport> Reports,
    IReadOnlyList<KpiAssociationFinding> Findings,
    IReadOnlyDictionary<string, string> TeamNames)
{
    /// <summary>A KPI's findings in <paramref name="report"/>'s periods: across teams in a period, and across the organisation's periods.</summary>
    public static IReadOnlyList<KpiAssociationFinding> FindingsFor(KpiSeries kpi, TrendReport report)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(report);
        if (report.IsEmpty || report.TeamOnly)
            return [];
        var values = kpi.Values.Where(v => v.Period.Kind == report.Kind).ToList();
        return [.. KpiAssociation.AcrossTeams(kpi.Definition, values, report.Teams), .. KpiAssociation.AcrossPeriods(kpi.Definition, values, report.Organisation)];
    }
}

/// <summary>Reads a <see cref="KpiOverview"/>: the staff figures only ever from <see cref="PrivacyGate"/>, so hidden stays hidden.</summary>
public sealed class KpiOverviewReader(IKpiStore store, PrivacyGate gate, TeamChannels channels)
{
    public async Task<KpiOverview> ReadAsync(string tenantId, CancellationToken cancellationToken)
    {
        var kpis = await SeriesAsync(tenantId, cancellationToken);
        var reports = new Dictionary<PeriodKind, TrendReport>();
        foreach (var kind in kpis.SelectMany(k => k.Values).Select(v => v.Period.Kind).Distinct().Order())
        {
            var span = TrendSpans.Max(kind);
            reports[kind] = await gate.PublishAsync(new TrendRequest { TenantId = tenantId, Kind = kind, Count = span, TeamPeriods = span }, cancellationToken);
        }

        var findings = kpis.SelectMany(kpi => reports.Values.SelectMany(report => KpiOverview.FindingsFor(kpi, report))).ToList();
        return new KpiOverview(kpis, reports, findings, await channels.TeamNamesAsync(tenantId, cancellationToken));
    }

    /// <summary>Each KPI that has values, the well-known ones first, then the declared ones by name.</summary>
    public async Task<IReadOnlyList<KpiSeries>> SeriesAsync(string tenantId, CancellationToken cancellationToken)
    {
        var declared = await store.ListDefinitionsAsync(tenantId, cancellationToken);
        var values = await store.ListValuesAsync(tenantId, cancellationToken);
        var definitions = KnownKpis.All.Concat(declared.Where(d => KnownKpis.Find(d.Name) is null).OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase));
        return [.. definitions
            .Select(definition => new KpiSeries(definition, [.. values.Where(v => v.Kpi == definition.Key)]))
            .Where(series => series.Values.Count > 0)];
    }
}
