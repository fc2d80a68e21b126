using FocusBot.Conversations;
using FocusBot.Domain.Kpis;

namespace FocusBot.Kpis;

/// <summary>What an import did: the file's problems (then nothing was stored), or the counts of what was stored.</summary>
public sealed record KpiImportOutcome(KpiFile File, KpiImportCounts? Counts)
{
    public bool Applied => Counts is not null;

    /// <summary>"Imported 12 KPI values (CSAT, NPS; 2026-Q3 to 2026-Q4): 10 new, 2 corrected, 0 unchanged."</summary>
    public string Summary()
    {
        if (Counts is not { } counts)
            return $"Nothing was imported: {File.Problems.Count} problem(s) to fix.";
        var kpis = File.Values.Select(v => v.Kpi).Distinct().Select(key => KnownKpis.Find(key)?.Name ?? File.NewDefinitions.FirstOrDefault(d => d.Key == key)?.Name ?? key);
        var periods = File.Values.Select(v => v.Period).Order().ToList();
        var span = periods[0] == periods[^1] ? KpiPeriods.Format(periods[0]) : $"{KpiPeriods.Format(periods[0])} to {KpiPeriods.Format(periods[^1])}";
        return $"Imported {File.Values.Count} KPI value(s) ({string.Join(", ", kpis)}; {span}): {counts.Added} new, {counts.Replaced} corrected, {counts.Unchanged} unchanged.";
    }
}

/// <summary>
/// One import path for the chat (pasted or attached CSV) and the automation endpoint: read and check the whole file
/// against the tenant's KPIs and teams, then store it whole, or nothing.
/// </summary>
public sealed partial class KpiImporter(IKpiStore store, TeamChannels channels, TimeProvider timeProvider, ILogger<KpiImporter> logger)
{
    /// <summary>Who imported through the endpoint: the key, not a person.</summary>
    public const string ImportedByApi = "api";

    public async Task<KpiImportOutcome> ImportAsync(string tenantId, string text, string importedBy, CancellationToken cancellationToken)
    {
        var declared = await store.ListDefinitionsAsync(tenantId, cancellationToken);
        var teams = await channels.TeamNamesAsync(tenantId, cancellationToken);
        var file = KpiCsvReader.Read(text, declared, teams, tenantId, importedBy, timeProvider.GetUtcNow());
        if (!file.IsValid)
        {
            LogRefused(logger, file.Problems.Count);
            return new KpiImportOutcome(file, null);
        }

        var counts = await store.ImportAsync(tenantId, file.NewDefinitions, file.Values, cancellationToken);
        LogImported(logger, file.Values.Count, counts.Added, counts.Replaced, counts.Unchanged);
        return new KpiImportOutcome(file, counts);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "KPI import refused: {Problems} problem(s), nothing stored")]
    private static partial void LogRefused(ILogger logger, int problems);

    [LoggerMessage(Level = LogLevel.Information, Message = "KPI import stored {Rows} value(s): {Added} new, {Replaced} corrected, {Unchanged} unchanged")]
    private static partial void LogImported(ILogger logger, int rows, int added, int replaced, int unchanged);
}
