namespace FocusBot.Storage.Sqlite;

/// <summary>The reminder a person asks for with "Remind me later", kept apart from the scheduled reminders it must not use up.</summary>
internal static class SqliteSchemaV5
{
    public const string Sql = """
        ALTER TABLE deliveries ADD COLUMN remind_later_at INTEGER;
        """;
}
