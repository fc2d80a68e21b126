namespace FocusBot.Storage.Sqlite;

/// <summary>
/// Programme events (a workshop, a training, a customer focus team formed...): kind, title, date, the teams involved
/// (a JSON list; empty for the whole organisation), who recorded it and when. Indexed by date for the list and the
/// chart markers.
/// </summary>
internal static class SqliteSchemaV12
{
    public const string Sql = """
        CREATE TABLE programme_events (
            tenant_id TEXT NOT NULL,
            id TEXT NOT NULL,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            event_date TEXT NOT NULL,
            team_ids TEXT NOT NULL DEFAULT '[]',
            recorded_by TEXT NOT NULL,
            recorded_at INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, id)
        );
        CREATE INDEX ix_programme_events_date ON programme_events (tenant_id, event_date, recorded_at);
        """;
}
