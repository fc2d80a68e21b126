namespace FocusBot.Storage.Sqlite;

/// <summary>When each card really left (reminders count from it) and how often a send was repeated after an unknown outcome.</summary>
internal static class SqliteSchemaV6
{
    public const string Sql = """
        ALTER TABLE deliveries ADD COLUMN sent_at INTEGER;
        ALTER TABLE deliveries ADD COLUMN uncertain_sends INTEGER NOT NULL DEFAULT 0;
        """;
}
