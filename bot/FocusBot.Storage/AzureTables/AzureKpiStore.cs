using FocusBot.Domain.Kpis;
using FocusBot.Domain.Trends;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Customer KPIs in the Kpis table, partition = tenant: "d|kpi" a declared KPI, "v|kpi|period|team" a value (team
/// empty for the organisation), "key" the tenant's endpoint key hash. The KpiKeys table maps a key hash (partition) to
/// its tenant, so the endpoint finds the tenant with one point read. An import is written in batches of at most 100
/// rows of the tenant's partition: each batch is atomic, the import as a whole is not (the rows were all checked
/// before, so only an outage stops one half way, and importing the file again completes it).
/// </summary>
internal sealed class AzureKpiStore(FocusTableClient client, AzureTableNames tables) : IKpiStore
{
    private const string DefinitionPrefix = "d";
    private const string ValuePrefix = "v";
    private const string KeyRow = "key";
    private const string HashRow = "tenant";

    public async Task<IReadOnlyList<KpiDefinition>> ListDefinitionsAsync(string tenantId, CancellationToken cancellationToken) =>
        await client.QueryAsync(tables.Kpis, Prefixed(tenantId, DefinitionPrefix), null, cancellationToken)
            .Select(row => new KpiDefinition(row.GetRequiredString("Name"), row.GetRequiredString("Unit"), Enum.Parse<KpiDirection>(row.GetRequiredString("Better"))))
            .ToListAsync(cancellationToken);

    public async Task<KpiImportCounts> ImportAsync(string tenantId, IReadOnlyList<KpiDefinition> definitions, IReadOnlyList<KpiValue> values, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(values);
        var partition = TableKeys.Encode(tenantId);
        var declared = (await ListDefinitionsAsync(tenantId, cancellationToken)).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        var stored = (await ListValuesAsync(tenantId, cancellationToken)).ToDictionary(v => v.Identity);
        var operations = new List<TableOperation>();
        foreach (var definition in definitions.Where(d => declared.Add(d.Key)))
        {
            var row = new TableRow(partition, TableKeys.Compose(DefinitionPrefix, definition.Key))
            {
                ["Name"] = definition.Name,
                ["Unit"] = definition.Unit,
                ["Better"] = definition.Better.ToString(),
            };
            operations.Add(TableOperation.UpsertReplace(row));
        }

        int added = 0, replaced = 0, unchanged = 0;
        foreach (var value in values)
        {
            if (stored.TryGetValue(value.Identity, out var old) && old.Value.Equals(value.Value))
            {
                unchanged++;
                continue;
            }

            if (old is null)
                added++;
            else
                replaced++;
            stored[value.Identity] = value;
            operations.Add(TableOperation.UpsertReplace(ValueRow(partition, value)));
        }

        await client.SubmitAllAsync(tables.Kpis, operations, cancellationToken);
        return new KpiImportCounts(added, replaced, unchanged);
    }

    public async Task<IReadOnlyList<KpiValue>> ListValuesAsync(string tenantId, CancellationToken cancellationToken)
    {
        var values = await client.QueryAsync(tables.Kpis, Prefixed(tenantId, ValuePrefix), null, cancellationToken).Select(row => FromValueRow(tenantId, row)).ToListAsync(cancellationToken);
        return [.. values.OrderBy(v => v.Period).ThenBy(v => v.Kpi, StringComparer.Ordinal).ThenBy(v => v.TeamId, StringComparer.Ordinal)];
    }

    public async Task SetKeyAsync(KpiApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var old = await client.GetAsync(tables.Kpis, TableKeys.Encode(key.TenantId), KeyRow, cancellationToken);
        // The new key works before the old one stops: a key row that no longer names its hash is refused by FindKeyAsync.
        await client.ExecuteAsync(tables.KpiKeys, TableOperation.UpsertReplace(KeyRowOf(TableKeys.Encode(key.KeyHash), HashRow, key)), cancellationToken);
        await client.ExecuteAsync(tables.Kpis, TableOperation.UpsertReplace(KeyRowOf(TableKeys.Encode(key.TenantId), KeyRow, key)), cancellationToken);
        if (old?.GetString(nameof(KpiApiKey.KeyHash)) is { } oldHash && oldHash != key.KeyHash)
            await DeleteAsync(tables.KpiKeys, TableKeys.Encode(oldHash), HashRow, cancellationToken);
    }

    public async Task<bool> RevokeKeyAsync(string tenantId, CancellationToken cancellationToken)
    {
        var current = await client.GetAsync(tables.Kpis, TableKeys.Encode(tenantId), KeyRow, cancellationToken);
        if (current is null)
            return false;
        await DeleteAsync(tables.Kpis, TableKeys.Encode(tenantId), KeyRow, cancellationToken);
        await DeleteAsync(tables.KpiKeys, TableKeys.Encode(current.GetRequiredString(nameof(KpiApiKey.KeyHash))), HashRow, cancellationToken);
        return true;
    }

    public async Task<KpiApiKey?> FindKeyAsync(string keyHash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyHash);
        if (await client.GetAsync(tables.KpiKeys, TableKeys.Encode(keyHash), HashRow, cancellationToken) is not { } byHash)
            return null;
        var key = FromKeyRow(byHash);
        // The tenant's row decides: a hash left behind by a revocation or replacement cut short opens nothing.
        var current = await client.GetAsync(tables.Kpis, TableKeys.Encode(key.TenantId), KeyRow, cancellationToken);
        return current?.GetString(nameof(KpiApiKey.KeyHash)) == keyHash ? key : null;
    }

    private async Task DeleteAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await client.ExecuteAsync(table, TableOperation.Delete(partitionKey, rowKey), cancellationToken);
        }
        catch (Azure.RequestFailedException exception) when (exception.IsNotFound)
        {
            // Already gone: what the caller wanted.
        }
    }

    private static string Prefixed(string tenantId, string prefix) => TableFilter.And(
        TableFilter.PartitionIs(TableKeys.Encode(tenantId)),
        $"RowKey ge {TableFilter.Quote(prefix + TableKeys.Separator)}",
        $"RowKey lt {TableFilter.Quote(prefix + TableKeys.SeparatorEnd)}");

    private static TableRow ValueRow(string partition, KpiValue value) => new(partition, TableKeys.Compose(ValuePrefix, value.Kpi, value.Period.Key, value.TeamId))
    {
        [nameof(KpiValue.Kpi)] = value.Kpi,
        [nameof(KpiValue.Period)] = value.Period.Key,
        [nameof(KpiValue.TeamId)] = value.TeamId,
        [nameof(KpiValue.Value)] = value.Value,
        [nameof(KpiValue.ImportedBy)] = value.ImportedBy,
        [nameof(KpiValue.ImportedAt)] = value.ImportedAt,
    };

    private static KpiValue FromValueRow(string tenantId, TableRow row) => new()
    {
        TenantId = tenantId,
        Kpi = row.GetRequiredString(nameof(KpiValue.Kpi)),
        Period = TrendPeriod.TryParse(row.GetRequiredString(nameof(KpiValue.Period)), out var period) ? period : throw new InvalidDataException("A stored KPI period does not parse."),
        TeamId = row.GetString(nameof(KpiValue.TeamId)) ?? string.Empty,
        Value = row[nameof(KpiValue.Value)] is double value ? value : Convert.ToDouble(row[nameof(KpiValue.Value)], System.Globalization.CultureInfo.InvariantCulture),
        ImportedBy = row.GetRequiredString(nameof(KpiValue.ImportedBy)),
        ImportedAt = row.GetRequiredDateTime(nameof(KpiValue.ImportedAt)),
    };

    private static TableRow KeyRowOf(string partition, string rowKey, KpiApiKey key) => new(partition, rowKey)
    {
        [nameof(KpiApiKey.TenantId)] = key.TenantId,
        [nameof(KpiApiKey.KeyHash)] = key.KeyHash,
        [nameof(KpiApiKey.CreatedBy)] = key.CreatedBy,
        [nameof(KpiApiKey.CreatedAt)] = key.CreatedAt,
    };

    private static KpiApiKey FromKeyRow(TableRow row) => new()
    {
        TenantId = row.GetRequiredString(nameof(KpiApiKey.TenantId)),
        KeyHash = row.GetRequiredString(nameof(KpiApiKey.KeyHash)),
        CreatedBy = row.GetRequiredString(nameof(KpiApiKey.CreatedBy)),
        CreatedAt = row.GetRequiredDateTime(nameof(KpiApiKey.CreatedAt)),
    };
}
