namespace FocusBot.Storage.Sqlite;

/// <summary>
/// Notices for Admins and HR (a digest not delivered, a pulse that could not open) and the day each kind was last told,
/// so people hear of a kind once a day. Neither table holds personal data.
/// </summary>
internal static class SqliteSchemaV7
{
    public const string Sql = """
        CREATE TABLE notices (
            tenant_id TEXT NOT NULL,
            id TEXT NOT NULL,
            at INTEGER NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (tenant_id, id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_notices_at ON notices (tenant_id, at);

        CREATE TABLE notice_announcements (
            tenant_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            day TEXT NOT NULL,
            PRIMARY KEY (tenant_id, kind, day)
        ) WITHOUT ROWID;
        """;
}
