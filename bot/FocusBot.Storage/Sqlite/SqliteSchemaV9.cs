namespace FocusBot.Storage.Sqlite;

/// <summary>
/// Managers: a role assignment gains the Teams team id it is bound to (empty for every role but Manager, so the grants
/// made before keep working) and, for a Manager, the pulse whose weekly team digest it last got. SQLite cannot change a
/// primary key in place, so the table is copied into one keyed by team as well. Also the people who turned the weekly
/// digest off.
/// </summary>
internal static class SqliteSchemaV9
{
    public const string Sql = """
        CREATE TABLE role_assignments_v9 (
            tenant_id TEXT NOT NULL,
            aad_object_id TEXT NOT NULL,
            role TEXT NOT NULL,
            team_id TEXT NOT NULL,
            granted_by TEXT NOT NULL,
            granted_at INTEGER NOT NULL,
            digest_pulse_id TEXT,
            PRIMARY KEY (tenant_id, aad_object_id, role, team_id)
        ) WITHOUT ROWID;
        INSERT INTO role_assignments_v9 (tenant_id, aad_object_id, role, team_id, granted_by, granted_at)
            SELECT tenant_id, aad_object_id, role, '', granted_by, granted_at FROM role_assignments;
        DROP TABLE role_assignments;
        ALTER TABLE role_assignments_v9 RENAME TO role_assignments;

        CREATE TABLE digest_opt_outs (
            tenant_id TEXT NOT NULL,
            aad_object_id TEXT NOT NULL,
            PRIMARY KEY (tenant_id, aad_object_id)
        ) WITHOUT ROWID;
        """;
}
