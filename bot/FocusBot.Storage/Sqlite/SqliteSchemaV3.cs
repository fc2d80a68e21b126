namespace FocusBot.Storage.Sqlite;

/// <summary>Marks of inbound activities already acted on (see IInboundActivityStore), purged by expiry.</summary>
internal static class SqliteSchemaV3
{
    public const string Sql = """
        CREATE TABLE inbound_activities (
            activity_key TEXT NOT NULL PRIMARY KEY,
            expires_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX ix_inbound_activities_expires ON inbound_activities (expires_at);
        """;
}
