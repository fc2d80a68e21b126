namespace FocusBot.Storage.Sqlite;

/// <summary>
/// Customer KPIs: the KPIs a tenant declared (name, unit, which direction is better), their imported values keyed by
/// KPI, period key and team (empty for the organisation) so an import is an upsert, and the tenant's key for the
/// import endpoint, kept only as its SHA-256 (unique, so the key finds its tenant).
/// </summary>
internal static class SqliteSchemaV13
{
    public const string Sql = """
        CREATE TABLE kpi_definitions (
            tenant_id TEXT NOT NULL,
            kpi_key TEXT NOT NULL,
            name TEXT NOT NULL,
            unit TEXT NOT NULL,
            better TEXT NOT NULL,
            PRIMARY KEY (tenant_id, kpi_key)
        );
        CREATE TABLE kpi_values (
            tenant_id TEXT NOT NULL,
            kpi_key TEXT NOT NULL,
            period TEXT NOT NULL,
            team_id TEXT NOT NULL DEFAULT '',
            value REAL NOT NULL,
            imported_by TEXT NOT NULL,
            imported_at INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, kpi_key, period, team_id)
        );
        CREATE TABLE kpi_keys (
            tenant_id TEXT NOT NULL PRIMARY KEY,
            key_hash TEXT NOT NULL UNIQUE,
            created_by TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        """;
}
