namespace FocusBot.Domain.Kpis;

public interface IKpiStore
{
    /// <summary>The KPIs a tenant declared (the known ones are not stored unless a file declared them too).</summary>
    Task<IReadOnlyList<KpiDefinition>> ListDefinitionsAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the definitions new to the tenant and upserts the values keyed by (KPI, period, team): a value equal to the
    /// stored one changes nothing (not even who imported it), a different one replaces it. The values are checked
    /// beforehand; on SQLite all of it is one transaction.
    /// </summary>
    Task<KpiImportCounts> ImportAsync(string tenantId, IReadOnlyList<KpiDefinition> definitions, IReadOnlyList<KpiValue> values, CancellationToken cancellationToken);

    /// <summary>Every value of a tenant, oldest period first.</summary>
    Task<IReadOnlyList<KpiValue>> ListValuesAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Replaces the tenant's automation key with <paramref name="key"/>.</summary>
    Task SetKeyAsync(KpiApiKey key, CancellationToken cancellationToken);

    /// <summary>Removes the tenant's automation key; false when it had none.</summary>
    Task<bool> RevokeKeyAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>The key whose hash is <paramref name="keyHash"/> (the key names its tenant), or null.</summary>
    Task<KpiApiKey?> FindKeyAsync(string keyHash, CancellationToken cancellationToken);
}
