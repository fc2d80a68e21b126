namespace FocusBot.Storage.Sqlite;

/// <summary>
/// Actions ("you said, we did"): what will change, its owner, due date and status, per tenant. The newest-first index
/// serves the `actions` list and the report page.
/// </summary>
internal static class SqliteSchemaV8
{
    public const string Sql = """
        CREATE TABLE programme_actions (
            tenant_id TEXT NOT NULL,
            id TEXT NOT NULL,
            change TEXT NOT NULL,
            owner TEXT NOT NULL,
            due_date TEXT NOT NULL,
            status TEXT NOT NULL,
            theme TEXT,
            recorded_by TEXT NOT NULL,
            sponsor TEXT NOT NULL,
            audience_team_id TEXT,
            audience_channel_id TEXT,
            all_staff INTEGER NOT NULL,
            revision INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_programme_actions_latest ON programme_actions (tenant_id, created_at, id);
        """;
}
