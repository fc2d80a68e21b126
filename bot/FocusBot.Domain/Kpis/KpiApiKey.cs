namespace FocusBot.Domain.Kpis;

/// <summary>
/// A tenant's key for the KPI import endpoint, kept only as the SHA-256 of the key (hex): the key itself is shown once,
/// to the HR person who made it. One key per tenant; a new one replaces the old.
/// </summary>
public sealed record KpiApiKey
{
    public required string TenantId { get; init; }

    public required string KeyHash { get; init; }

    /// <summary>Entra object id of the HR person who made it; never shown.</summary>
    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
