namespace FocusBot.Domain.Kpis;

/// <summary>What an import did: values new to the store, corrected (a different value replaced), and left as they were.</summary>
public sealed record KpiImportCounts(int Added, int Replaced, int Unchanged);
