using FocusBot.Domain.Kpis;
using FocusBot.Domain.Trends;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

internal sealed class SqliteKpiStore(SqliteDatabase database) : IKpiStore
{
    private const string ValueColumns = "tenant_id, kpi_key, period, team_id, value, imported_by, imported_at";

    public Task<IReadOnlyList<KpiDefinition>> ListDefinitionsAsync(string tenantId, CancellationToken cancellationToken) =>
        ListAsync(database.QueryListAsync("SELECT name, unit, better FROM kpi_definitions WHERE tenant_id = $tenant ORDER BY kpi_key;",
            command => command.With("$tenant", tenantId),
            reader => new KpiDefinition(reader.GetString(0), reader.GetString(1), Enum.Parse<KpiDirection>(reader.GetString(2))),
            cancellationToken));

    public Task<KpiImportCounts> ImportAsync(string tenantId, IReadOnlyList<KpiDefinition> definitions, IReadOnlyList<KpiValue> values, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(values);
        return database.WriteAsync(
            writer =>
            {
                foreach (var definition in definitions)
                {
                    writer.Command("INSERT INTO kpi_definitions (tenant_id, kpi_key, name, unit, better) VALUES ($tenant, $key, $name, $unit, $better) ON CONFLICT DO NOTHING;")
                        .With("$tenant", tenantId).With("$key", definition.Key).With("$name", definition.Name).With("$unit", definition.Unit)
                        .With("$better", definition.Better.ToString()).ExecuteNonQuery();
                }

                int added = 0, replaced = 0, unchanged = 0;
                foreach (var value in values)
                {
                    var stored = writer.Command("SELECT value FROM kpi_values WHERE tenant_id = $tenant AND kpi_key = $kpi AND period = $period AND team_id = $team;")
                        .With("$tenant", tenantId).With("$kpi", value.Kpi).With("$period", value.Period.Key).With("$team", value.TeamId).ExecuteScalar();
                    if (stored is double old && old.Equals(value.Value))
                    {
                        unchanged++;
                        continue;
                    }

                    if (stored is null)
                        added++;
                    else
                        replaced++;
                    writer.Command($"""
                        INSERT INTO kpi_values ({ValueColumns}) VALUES ($tenant, $kpi, $period, $team, $value, $by, $at)
                        ON CONFLICT (tenant_id, kpi_key, period, team_id) DO UPDATE SET value = excluded.value, imported_by = excluded.imported_by, imported_at = excluded.imported_at;
                        """)
                        .With("$tenant", tenantId).With("$kpi", value.Kpi).With("$period", value.Period.Key).With("$team", value.TeamId)
                        .With("$value", value.Value).With("$by", value.ImportedBy).With("$at", value.ImportedAt).ExecuteNonQuery();
                }

                return new KpiImportCounts(added, replaced, unchanged);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<KpiValue>> ListValuesAsync(string tenantId, CancellationToken cancellationToken) =>
        ListAsync(database.QueryListAsync($"SELECT {ValueColumns} FROM kpi_values WHERE tenant_id = $tenant;",
            command => command.With("$tenant", tenantId), MapValue, cancellationToken), values => values.OrderBy(v => v.Period).ThenBy(v => v.Kpi, StringComparer.Ordinal).ThenBy(v => v.TeamId, StringComparer.Ordinal));

    public Task SetKeyAsync(KpiApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return database.WriteAsync(
            writer => writer.Command("""
                INSERT INTO kpi_keys (tenant_id, key_hash, created_by, created_at) VALUES ($tenant, $hash, $by, $at)
                ON CONFLICT (tenant_id) DO UPDATE SET key_hash = excluded.key_hash, created_by = excluded.created_by, created_at = excluded.created_at;
                """)
                .With("$tenant", key.TenantId).With("$hash", key.KeyHash).With("$by", key.CreatedBy).With("$at", key.CreatedAt).ExecuteNonQuery(),
            cancellationToken);
    }

    public Task<bool> RevokeKeyAsync(string tenantId, CancellationToken cancellationToken) =>
        database.WriteAsync(writer => writer.Command("DELETE FROM kpi_keys WHERE tenant_id = $tenant;").With("$tenant", tenantId).ExecuteNonQuery() == 1, cancellationToken);

    public Task<KpiApiKey?> FindKeyAsync(string keyHash, CancellationToken cancellationToken) =>
        database.QuerySingleAsync("SELECT tenant_id, key_hash, created_by, created_at FROM kpi_keys WHERE key_hash = $hash;",
            command => command.With("$hash", keyHash),
            reader => new KpiApiKey { TenantId = reader.GetString(0), KeyHash = reader.GetString(1), CreatedBy = reader.GetString(2), CreatedAt = reader.GetTime(3) },
            cancellationToken);

    private static async Task<IReadOnlyList<T>> ListAsync<T>(Task<List<T>> query, Func<IEnumerable<T>, IEnumerable<T>>? order = null)
    {
        var list = await query;
        return order is null ? list : [.. order(list)];
    }

    private static KpiValue MapValue(SqliteDataReader reader) => new()
    {
        TenantId = reader.GetString(0),
        Kpi = reader.GetString(1),
        Period = TrendPeriod.TryParse(reader.GetString(2), out var period) ? period : throw new InvalidDataException("A stored KPI period does not parse."),
        TeamId = reader.GetString(3),
        Value = reader.GetDouble(4),
        ImportedBy = reader.GetString(5),
        ImportedAt = reader.GetTime(6),
    };
}
