using FocusBot.Domain.Trends;

namespace FocusBot.Domain.Kpis;

/// <summary>
/// One imported figure of a customer KPI: for a period (an ISO week, a month or a quarter, as FocusBot's trends count
/// them) and the whole organisation or one team. A KPI value is about customers, not staff, so it is shown as imported.
/// </summary>
public sealed record KpiValue
{
    public required string TenantId { get; init; }

    /// <summary>The KPI's <see cref="KpiDefinition.Key"/>.</summary>
    public required string Kpi { get; init; }

    public required TrendPeriod Period { get; init; }

    /// <summary>The Teams team id, or empty for the whole organisation.</summary>
    public string TeamId { get; init; } = string.Empty;

    public required double Value { get; init; }

    /// <summary>Entra object id of the HR person who imported it, or "api" for the automation endpoint; never shown.</summary>
    public required string ImportedBy { get; init; }

    public required DateTimeOffset ImportedAt { get; init; }

    public bool IsOrganisation => TeamId.Length == 0;

    /// <summary>What an import is keyed by: the same KPI, period and team is the same figure, corrected or not.</summary>
    public (string Kpi, TrendPeriod Period, string TeamId) Identity => (Kpi, Period, TeamId);
}
